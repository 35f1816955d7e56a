import { render } from 'preact';
import '../ui/theme.css';
import './panel.css';
// The verdict's and the fixes' styles, for the chunk that brings them after the table (panel.tsx).
import '../ui/verdict-card.css';
import '../ui/fixes.css';
import '../ui/alternatives.css';
import { REPORT_PAGE, TROUBLESHOOTER_PAGE, pagePath } from '../contract/pages';
import { devtoolsTheme, onThemeChanged } from '../platform/devtools';
import { extensionUrl } from '../platform/tabs';
import { Panel } from './panel';
import { panelTabId } from './use-panel-tab';

// Follow DevTools' theme rather than the system's: DevTools can be dark on a light system.
const theme = devtoolsTheme();
if (theme) document.documentElement.dataset.theme = theme;
onThemeChanged((next) => (document.documentElement.dataset.theme = next), new AbortController().signal);

const tabId = panelTabId();
// The support report and the troubleshooter are pages of their own; the panel links to them for this tab.
const reportUrl = extensionUrl(pagePath(REPORT_PAGE, tabId));
const troubleshooterUrl = extensionUrl(pagePath(TROUBLESHOOTER_PAGE, tabId));
render(<Panel tabId={tabId} reportUrl={reportUrl} troubleshooterUrl={troubleshooterUrl} />, document.getElementById('root')!);
