/** Statuspage-compatible answers like the ones status.openai.com (incident.io) serves. */
export interface FakeStatus {
  summary: {
    page: { id: string; name: string; url: string; updated_at: string };
    status: { indicator: 'none' | 'minor' | 'major' | 'critical'; description: string };
    components: Array<Record<string, unknown>>;
    incidents: Array<Record<string, unknown>>;
    scheduled_maintenances: Array<Record<string, unknown>>;
  };
  components: Array<Record<string, unknown>>;
  etag: string;
}

const PAGE = { id: 'fake', name: 'OpenAI', url: 'https://status.openai.com', updated_at: '2026-11-25T10:00:00.000Z' };

function component(id: string, name: string, status: string) {
  return {
    id,
    name,
    status,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: PAGE.updated_at,
    position: 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: 'fake',
    group: false,
    only_show_if_degraded: false,
  };
}

export function operationalStatus(): FakeStatus {
  const components = [component('c1', 'Conversations', 'operational'), component('c2', 'Login', 'operational'), component('c3', 'APIs', 'operational')];
  return {
    summary: { page: PAGE, status: { indicator: 'none', description: 'All Systems Operational' }, components, incidents: [], scheduled_maintenances: [] },
    components,
    etag: 'op-1',
  };
}

export function majorIncidentStatus(name = 'Elevated error rates in ChatGPT'): FakeStatus {
  const components = [
    component('c1', 'Conversations', 'major_outage'),
    component('c2', 'Login', 'operational'),
    component('c3', 'APIs', 'degraded_performance'),
  ];
  return {
    summary: {
      page: PAGE,
      status: { indicator: 'major', description: 'Partial System Outage' },
      components: components.slice(0, 2), // summary.json can omit components that components.json lists
      incidents: [
        {
          id: 'inc1',
          name,
          status: 'investigating',
          impact: 'major',
          created_at: '2026-11-25T09:40:00.000Z',
          updated_at: '2026-11-25T09:55:00.000Z',
          shortlink: 'https://status.openai.com/incidents/inc1',
          incident_updates: [
            { id: 'u2', status: 'identified', body: 'We have identified the cause and are working on a fix.', created_at: '2026-11-25T09:55:00.000Z' },
            { id: 'u1', status: 'investigating', body: 'We are investigating elevated error rates.', created_at: '2026-11-25T09:40:00.000Z' },
          ],
          components: [components[0]],
        },
      ],
      scheduled_maintenances: [],
    },
    components,
    etag: 'major-1',
  };
}
