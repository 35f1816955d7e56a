/**
 * The parts of the panel's fix list that only show once the user opens it: the status page
 * summary and, during an OpenAI outage, the other assistants. Loaded by panel-fixes.tsx on that
 * click; their styles are in the page's stylesheet (panel-main.tsx imports them).
 */
export { Alternatives } from '../ui/alternatives';
export { StatusSummary } from '../ui/status-summary';
