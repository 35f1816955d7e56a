import { isSignInHost } from './hosts';

/**
 * status.openai.com's ChatGPT components, by id (ids stay when names change: "Codex" became
 * "Codex API"), each with the requests of the app that depend on it, so a verdict can say
 * "Voice mode is down, and your failures are voice requests". The ids are those of the page's
 * ChatGPT group (01K5H8S53SY1KMS4GQMNMZXTR1) as published status readers list them in 2026;
 * sources in test/fixtures/real/README.md. Names shown are always the page's own.
 */
export interface StatusFeature {
  /** The status page's component id. */
  componentId: string;
  /** The name the page used when this table was written; shown only if the page gives none. */
  name: string;
  /** Whether a failed request to host + path belongs to this feature. */
  uses(host: string, path: string): boolean;
}

const onChatGpt = (host: string) => host === 'chatgpt.com' || host === 'chat.openai.com';
const never = () => false;

export const STATUS_FEATURES: readonly StatusFeature[] = [
  { componentId: '01JMXBNJXGV1T5GT2M9XA83XNG', name: 'Conversations', uses: (h, p) => onChatGpt(h) && /^\/backend-api\/(f\/)?conversations?(\/|$)/.test(p) },
  { componentId: '01JMXBNJXG1S2D9V65P1ZZTD94', name: 'Login', uses: (h, p) => isSignInHost(h) || (onChatGpt(h) && p.startsWith('/api/auth/')) },
  { componentId: '01JMXBNJXGGT5SR5DB9J7GYY48', name: 'Voice mode', uses: (h, p) => onChatGpt(h) && /^\/(realtime|backend-api\/voice)(\/|$)/.test(p) },
  {
    componentId: '01JMXBNJXG1YMQPPCPCQX3MPA2',
    name: 'File uploads',
    uses: (h, p) => h.endsWith('.oaiusercontent.com') || (onChatGpt(h) && p.startsWith('/backend-api/files')),
  },
  { componentId: '01JMXBNJXGKKP51D4DEJ2HZJ8Q', name: 'Search', uses: (h, p) => onChatGpt(h) && p.startsWith('/backend-api/search') },
  { componentId: '01JSFK5QX36ZRW0TW0ZV0ZYFXQ', name: 'GPTs', uses: (h, p) => onChatGpt(h) && p.startsWith('/backend-api/gizmos') },
  { componentId: '01JQ7EKW990MSPSWVXC7VPV2ZJ', name: 'Image Generation', uses: never },
  { componentId: '01JSYVYQSWMJ9QG35XHP08BHA7', name: 'Deep Research', uses: never },
  { componentId: '01JSG1XMJ9RVJJQ0E85NVSJ2AZ', name: 'Agent', uses: never },
  { componentId: '01K6TVGGGDCP0PPGCHXAG3AQX8', name: 'Connectors/Apps', uses: (h, p) => onChatGpt(h) && p.startsWith('/backend-api/connectors') },
  { componentId: '01K8C008QVXHA6JX98PAS42VPD', name: 'ChatGPT Atlas', uses: never },
  { componentId: '01JNKS9D9S72PMP1938PVFFQN4', name: 'Compliance API', uses: never },
];

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

const BY_ID = new Map(STATUS_FEATURES.map((f) => [f.componentId, f]));

/** A component added after this table was written is judged by its name, the only thing known of it. */
const CHATGPT_NAMES = /chatgpt|conversation|log-?in|sign[ -]?(in|up)|voice|file upload|image gen|gpts|deep research|search|agent|connectors/i;

export function featureOf(componentId: string): StatusFeature | undefined {
  return BY_ID.get(componentId);
}

export function isChatGptComponent(component: { id: string; name: string }): boolean {
  if (BY_ID.has(component.id)) return true;
  if (NOT_CHATGPT.has(component.id)) return false;
  return CHATGPT_NAMES.test(component.name);
}
