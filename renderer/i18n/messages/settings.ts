import { defineMessages } from '../defineMessages';

/** Settings screen: connection, store setup, devices, catalog sync, about. */
export const settings = defineMessages({
  en: {
    'about.title': 'About this installation',
    'about.mode': 'Mode',
    'about.dataDir': 'Data folder',
  },
  id: {
    'about.title': 'Tentang instalasi ini',
    'about.mode': 'Mode',
    'about.dataDir': 'Folder data',
  },
});
