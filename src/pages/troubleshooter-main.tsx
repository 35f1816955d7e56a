import { render } from 'preact';
import '../ui/theme.css';
import '../ui/fixes.css';
import './pages.css';
import { Troubleshooter } from './troubleshooter';

render(<Troubleshooter />, document.getElementById('root')!);
