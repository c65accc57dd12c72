/**
 * How the desktop app is packaged (`npm run package`): Linux deb and AppImage, a per-user Windows
 * installer, a macOS disk image. Why each choice is made is in build-resources/README.md;
 * tests/unit/packaging/builder-config.test.ts validates this file with electron-builder's own
 * schema and checks the fuses and the icons.
 */
import type { Configuration } from 'electron-builder';

/** The iCalendar files LabFlow opens (meeting invitations), as the OS is told to associate them. */
export const CALENDAR_FILE_ASSOCIATION = {
  ext: 'ics',
  name: 'iCalendar event',
  description: 'Calendar invitation',
  mimeType: 'text/calendar',
  role: 'Viewer',
} as const;

const config = {
  appId: 'org.labflow.desktop',
  productName: 'LabFlow',
  directories: { output: 'release', buildResources: 'build-resources' },
  files: ['out/**', 'package.json'],
  // Native modules cannot load from inside the asar archive.
  asarUnpack: ['**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/@node-rs/**'],
  npmRebuild: true,
  // Electron's fuses are flipped in the binary at packaging time, so no environment variable or
  // command-line flag can turn a packaged LabFlow into a general Node runtime or a debugger target,
  // and only the signed-off app.asar (its integrity checked) can be loaded.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
  },
  fileAssociations: [CALENDAR_FILE_ASSOCIATION],
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'icons',
    category: 'Science',
    maintainer: 'LabFlow <maintainers@labflow.org>',
    synopsis: 'Laboratory operations, offline first',
    mimeTypes: [CALENDAR_FILE_ASSOCIATION.mimeType],
    desktop: {
      entry: {
        Name: 'LabFlow',
        GenericName: 'Laboratory workflows',
        Comment: 'Run the lab’s workflows, projects, equipment and records, offline first',
        Categories: 'Science;Office;',
        Keywords: 'lab;laboratory;workflow;equipment;LIMS;',
        MimeType: `${CALENDAR_FILE_ASSOCIATION.mimeType};`,
        StartupWMClass: 'LabFlow',
      },
    },
  },
  deb: {
    // better-sqlite3 and the notifications need nothing beyond what Electron's deb already depends on.
    priority: 'optional',
  },
  win: { target: ['nsis'], icon: 'icon.ico' },
  nsis: {
    // Per-user: installing and updating need no administrator, which lab PCs rarely grant.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'LabFlow',
  },
  mac: { target: ['dmg'], icon: 'icon.icns', category: 'public.app-category.productivity' },
  // The update feed (electron-updater's generic provider, build-resources/README.md § Updates): the
  // team's sync server hosts it; the address is given when a release is built.
  publish: [{ provider: 'generic', url: '${env.LABFLOW_UPDATE_URL}', channel: 'latest' }],
} satisfies Configuration;

export default config;
