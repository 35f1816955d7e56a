/**
 * TEST-ONLY background script of dist/firefox-test/: loaded after the shipped background (the
 * manifest lists both), it adds a hook that opens extension pages on request. The shipped build
 * (dist/firefox/, dist/error-doctor-firefox.zip) never contains this file.
 */
import { installOpenHook } from './open-hook';

installOpenHook();
