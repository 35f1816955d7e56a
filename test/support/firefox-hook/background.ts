/**
 * TEST-ONLY background entry for `vite build --mode firefox-test` (dist/firefox-test/): the real
 * background, unchanged, plus a hook that opens extension pages on request. The shipped build
 * (dist/firefox/, dist/error-doctor-firefox.zip) never contains this file.
 */
import '../../../src/background/index';
import { installOpenHook } from './open-hook';

installOpenHook();
