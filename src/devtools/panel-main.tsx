import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
import { devtoolsTheme, onThemeChanged } from '../platform/devtools';
import { extensionUrl } from '../platform/tabs';
import { Panel } from './panel';
import { panelTabId } from './use-panel-tab';

// Follow DevTools' theme rather than the system's: DevTools can be dark on a light system.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
onThemeChanged((next) => (document.documentElement.dataset.theme = next), new AbortController().signal);

const tabId = panelTabId();
// The support report is its own page (src/pages/report.html); the panel links to it for this tab.
const reportUrl = extensionUrl(`src/pages/report.html${tabId === null ? '' : `?tabId=${tabId}`}`);
render(<Panel tabId={tabId} reportUrl={reportUrl} />, document.getElementById('root')!);
