const conjunction = new Intl.ListFormat('da-DK', { style: 'long', type: 'conjunction' });

/** "Læsø Kommune, Morsø Kommune og Aalborg Kommune": a list in a sentence, as Danish writes it. */
export const formatList = (items: readonly string[]) => conjunction.format(items);
