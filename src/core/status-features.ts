import { isSignInHost } from './hosts';

/**
 * status.openai.com's ChatGPT components, by id (ids stay when names change: "Codex" became
 * "Codex API"), each with the requests of the app that depend on it, so a verdict can say
 * "Voice mode is down, and your failures are voice requests". The ids are those of the page's
 * ChatGPT group (01K5H8S53SY1KMS4GQMNMZXTR1) as published status readers list them in 2026;
 * sources in test/fixtures/real/README.md.
 *
 * Each row: the id, then, when the app's requests can be told apart, the paths on chatgpt.com
 * that use the component and the other hosts that do. The names in the comments are the page's
 * when this table was written; the extension always shows the page's own (the table kept them as
 * data once, read by nothing: 0.08 KB gzip in the worker).
 */
type Feature = readonly [componentId: string, paths?: RegExp, otherHost?: (host: string) => boolean];

const FEATURES: readonly Feature[] = [
  ['01JMXBNJXGV1T5GT2M9XA83XNG', /^\/backend-api\/(f\/)?conversations?(\/|$)/], // Conversations
  ['01JMXBNJXG1S2D9V65P1ZZTD94', /^\/api\/auth\//, isSignInHost], // Login
  ['01JMXBNJXGGT5SR5DB9J7GYY48', /^\/(realtime|backend-api\/voice)(\/|$)/], // Voice mode
  ['01JMXBNJXG1YMQPPCPCQX3MPA2', /^\/backend-api\/files/, (h) => h.endsWith('.oaiusercontent.com')], // File uploads
  ['01JMXBNJXGKKP51D4DEJ2HZJ8Q', /^\/backend-api\/search/], // Search
  ['01JSFK5QX36ZRW0TW0ZV0ZYFXQ', /^\/backend-api\/gizmos/], // GPTs
  ['01JQ7EKW990MSPSWVXC7VPV2ZJ'], // Image Generation
  ['01JSYVYQSWMJ9QG35XHP08BHA7'], // Deep Research
  ['01JSG1XMJ9RVJJQ0E85NVSJ2AZ'], // Agent
  ['01K6TVGGGDCP0PPGCHXAG3AQX8', /^\/backend-api\/connectors/], // Connectors/Apps
  ['01K8C008QVXHA6JX98PAS42VPD'], // ChatGPT Atlas
  ['01JNKS9D9S72PMP1938PVFFQN4'], // Compliance API
];

/** The component a failed request to host + path belongs to, if any. */
export function featureOf(host: string, path: string): string | undefined {
  const app = host === 'chatgpt.com' || host === 'chat.openai.com';
  return FEATURES.find(([, paths, otherHost]) => (app && !!paths?.test(path)) || !!otherHost?.(host))?.[0];
}

/**
 * Components of the page's other groups (APIs, Codex, FedRAMP) that a name alone would mistake
 * for ChatGPT's: the API group has its own "Login", for one.
 */
const NOT_CHATGPT = new Set([
  '01JMXBRMFE6N2NNT7DG6XZQ6PW',
  '01JP8CD9JR3HR6Y7G4Q75N4DVW',
  '01JMXBRMFEMZK0HPK19RYET250',
  '01JMXBRMFEV0AJ0VVS68N9CD6R',
  '01JMXBRMFE4MAP2BHSJNZ787WX',
  '01JMXBRMFE5ESNNV8JDHVCGSRD',
  '01JMXBRMFEKVBWKK82B44QFMCE',
  '01JMXBRMFEVZ7E0X9GD9FWR9WX',
  '01JMXBRMFEQW613TFE89F45035',
  '01JMXBRMFESJCBGJR10PDD3WCQ',
  '01JSM5RTJWHRWDTS6Q604VEW3B',
  '01K9G527YRPY1EFRMHTKB5BKT5',
  '01JVCV8YSWZFRSM1G5CVP253SK',
  '01KMKFAMWKQ81YWSE1Z18R6VHR',
  '01KMP3KP5MGE23B80K1EK4S8PV',
  '01KMKFAMWKNQ84Z1766MV08ZDE',
  '01KMP3KP5M8X0EBTVW6KN327EE',
  '01KKAD7C71MCCH3FTREMJH4AAS',
]);

const CHATGPT_IDS = new Set(FEATURES.map(([id]) => id));

/** A component added after this table was written is judged by its name, the only thing known of it. */
const CHATGPT_NAMES = /chatgpt|conversation|log-?in|sign[ -]?(in|up)|voice|file upload|image gen|gpts|deep research|search|agent|connectors/i;

export function isChatGptComponent(component: { id: string; name: string }): boolean {
  if (CHATGPT_IDS.has(component.id)) return true;
  if (NOT_CHATGPT.has(component.id)) return false;
  return CHATGPT_NAMES.test(component.name);
}
