import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
// The fixes' styles, for the lazy chunks that bring the fixes (popup.tsx).
import '../ui/fixes.css';
import '../ui/alternatives.css';
// The verdict card's, for the chunk that brings the verdict (popup.tsx).
import '../ui/verdict-card.css';
import { Popup } from './popup';

render(<Popup />, document.getElementById('root')!);
