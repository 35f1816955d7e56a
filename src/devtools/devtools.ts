// Creates the Error Doctor panel. The panel page itself is a build input (vite.config.ts).
import { PANEL_PAGE } from '../contract/pages';
import { createPanel } from '../platform/devtools';

void createPanel('Error Doctor', '/icons/icon-32.png', `/${PANEL_PAGE}`);
