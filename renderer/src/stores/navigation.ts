import { create } from 'zustand';

export const AREAS = ['moeder', 'beslutninger', 'forslag', 'takster', 'udveksling', 'indstillinger'] as const;
export type Area = (typeof AREAS)[number];

const areaFromHash = (hash: string): Area => {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'moeder';
};

interface NavigationState {
  area: Area;
}

/** The current area, mirrored in the address fragment (#/moeder) so reloads and links land in the same place. */
export const useNavigation = create<NavigationState>(() => ({ area: areaFromHash(location.hash) }));

export function navigate(area: Area) {
  if (location.hash !== `#/${area}`) history.pushState(null, '', `#/${area}`);
  useNavigation.setState({ area });
}

window.addEventListener('popstate', () => useNavigation.setState({ area: areaFromHash(location.hash) }));
