// Creates the Error Doctor panel. The panel page itself is a build input (vite.config.ts).
import { browser } from '../platform/browser';

void browser.devtools.panels.create('Error Doctor', '/icons/icon-32.png', '/src/devtools/panel.html');
