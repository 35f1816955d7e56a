import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { OptionsPage } from './options-page';

render(<OptionsPage />, document.getElementById('root')!);
