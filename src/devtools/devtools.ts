// Creates the Error Doctor panel. The panel page itself is a build input (vite.config.ts).
import { createPanel } from '../platform/devtools';

void createPanel('Error Doctor', '/icons/icon-32.png', '/src/devtools/panel.html');
