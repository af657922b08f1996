/**
 * English texts of the workspace's settings (设置): the `settings` section of en.ts, in a
 * file of its own so other areas can edit en.ts at the same time.
 */
export const settingsEn = {
  title: 'Settings',
  intro:
    'What this workspace keeps about itself. It travels with the workspace file: a copy or backup carries it.',
  company: {
    title: 'Company',
    hint: 'Shown on the quarterly forecast deck: the name on the title slide and in every slide’s footer, the logo on the title slide and in every slide’s corner.',
    name: 'Company name',
    nameHint: 'Empty: the deck names the workspace file instead.',
    namePlaceholder: 'e.g. Acme Precision Instruments',
    save: 'Save name',
    saved: 'Company name saved.',
    cleared: 'Company name cleared: the deck names the workspace file.',
    logo: 'Logo',
    logoHint: 'PNG, JPEG or SVG, up to 1 MB. The deck keeps its proportions.',
    noLogo: 'No logo: the deck shows none.',
    preview: 'Logo: {{file}}',
    logoFacts: '{{file}} · {{type}} · {{width}} × {{height}} px · {{size}}',
    choose: 'Choose a logo…',
    replace: 'Replace the logo…',
    uploaded: 'Logo {{file}} saved.',
    remove: 'Remove the logo',
    removeTitle: 'Remove the logo?',
    removeBody: 'The quarterly deck will show no logo until you choose one again. {{file}} is not kept.',
    removeConfirm: 'Remove',
    cancel: 'Cancel',
    removed: 'Logo removed.',
    unreadable: '{{file}} could not be read: {{message}}',
    loadError: 'The company settings could not be loaded: {{message}}',
    saveError: 'Not saved: {{message}}',
  },
};
