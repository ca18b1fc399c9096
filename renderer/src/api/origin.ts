/** This window's id, sent with every call: the change events its own writes cause carry it back (see CALL_ORIGIN). */
export const WINDOW_ORIGIN = crypto.randomUUID();
