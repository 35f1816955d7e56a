/** The popup reads only the newest records: enough for the verdict (15 minutes) and the list (50). */
export const POPUP_RECENT = 250;
