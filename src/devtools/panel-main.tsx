import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
import { devtoolsTheme, onThemeChanged } from '../platform/devtools';
import { Panel } from './panel';
import { panelTabId } from './use-panel-tab';

// Follow DevTools' theme rather than the system's: DevTools can be dark on a light system.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
onThemeChanged((next) => (document.documentElement.dataset.theme = next), new AbortController().signal);

render(<Panel tabId={panelTabId()} />, document.getElementById('root')!);
