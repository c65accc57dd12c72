import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createFirstAdministrator } from './support/first-run';
import { addPerson, signInAs } from './support/people';
import { saveScreenshot } from './support/screenshots';
import { startServeHost, type ServedHost } from './support/serve-host';
import { fillDate } from './support/date-field';

const manager = { name: 'Rosalind Franklin', email: 'rosalind@lab.example', password: 'photo-51-diffraction' };
const tech = { name: 'Maurice Wilkins', email: 'maurice@lab.example', password: 'x-ray-crystallography' };

let host: ServedHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const pad = (n: number) => String(n).padStart(2, '0');
/** The browser's local date `days` from today, as a date input takes it. */
const localDate = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Drags with the mouse in small steps, as FullCalendar and the agenda list expect from a person. */
async function drag(page: Page, from: Locator, to: { x: number; y: number }) {
  await from.hover(); // waits until the entry is what the pointer hits, not a closing menu's backdrop
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) await page.mouse.move(box.x + box.width / 2 + ((to.x - box.x - box.width / 2) * i) / steps, box.y + 8 + ((to.y - box.y - 8) * i) / steps);
  await page.mouse.up();
}

test('a lab manager runs a weekly QA meeting from invitation to published minutes, and moving it on the calendar tells the attendee', async ({ page }) => {
  // One long story through two people's sessions: more steps than the default budget allows on a busy machine.
  test.setTimeout(240_000);
  host = await startServeHost();
  await page.goto(host.url);
  await createFirstAdministrator(page, manager);
  await page.getByRole('button', { name: 'Settings' }).click();
  await addPerson(page, tech);

  // Schedule a weekly QA meeting with the technician, tomorrow 10:00–11:00, four times.
  await page.getByRole('button', { name: 'Meetings' }).click();
  await expect(page.getByTestId('meeting-calendar')).toBeVisible();

  // The administrator lists the room the QA meeting is held in.
  await page.getByRole('button', { name: 'Rooms' }).click();
  const roomsDialog = page.getByRole('dialog', { name: 'Meeting rooms' });
  const roomForm = roomsDialog.getByRole('form', { name: 'Add a room' });
  await roomForm.getByLabel('Room').fill('Curie room');
  await roomForm.getByLabel('Seats').fill('8');
  await roomForm.getByLabel('Where').fill('Building A, 2nd floor');
  await roomForm.getByRole('button', { name: 'Add' }).click();
  await expect(roomsDialog.getByTestId('room-row')).toContainText('Curie room8 seats · Building A, 2nd floor');
  // Bookings stopped by mistake: the room waits under "No longer bookable" and comes back.
  await roomsDialog.getByRole('button', { name: 'Stop bookings of Curie room' }).click();
  await expect(roomsDialog.getByTestId('room-row')).toHaveCount(0);
  await expect(roomsDialog.getByTestId('retired-room-row')).toContainText('Curie room');
  await saveScreenshot(page, 'meeting-rooms-retired');
  await roomsDialog.getByRole('button', { name: 'Make Curie room bookable again' }).click();
  await expect(roomsDialog.getByTestId('retired-room-row')).toHaveCount(0);
  await expect(roomsDialog.getByTestId('room-row')).toContainText('Curie room');
  await saveScreenshot(page, 'meeting-rooms');
  await roomsDialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  await dialog.getByLabel('Title').fill('Weekly QA meeting');
  await dialog.getByLabel('Type').click();
  await page.getByRole('option', { name: 'QA review' }).click();
  await fillDate(dialog, 'Date', localDate(1));
  await dialog.getByLabel('Starts').fill('10:00');
  await dialog.getByLabel('Ends').fill('11:00');
  await dialog.getByLabel('Repeats').click();
  await page.getByRole('option', { name: 'Weekly' }).click();
  await dialog.getByLabel('Ends', { exact: true }).last().click();
  await page.getByRole('option', { name: 'After a number of meetings' }).click();
  await dialog.getByLabel('Meetings').fill('4');
  await dialog.getByRole('combobox', { name: 'Attendees', exact: true }).click();
  await page.getByRole('option', { name: tech.name }).click();
  await dialog.getByLabel('Room').click();
  await page.getByRole('option', { name: 'Curie room (8 seats)' }).click();
  await dialog.getByLabel('Place').fill('QA office');
  await saveScreenshot(page, 'meeting-dialog');
  await dialog.getByRole('button', { name: 'Schedule and invite' }).click();

  // The first meeting of the series opens: plan its agenda.
  await expect(page.getByRole('heading', { name: 'Weekly QA meeting' })).toBeVisible();
  await expect(page.getByText('Weekly, 4 times')).toBeVisible();
  await expect(page.getByText('Curie room · QA office')).toBeVisible();
  const agendaForm = page.getByRole('form', { name: 'Add an agenda item' });
  await agendaForm.getByLabel('New agenda item').fill('Open deviations');
  await agendaForm.getByLabel('Minutes').fill('20');
  await agendaForm.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('agenda-item')).toHaveCount(1);
  await agendaForm.getByLabel('New agenda item').fill('Calibration results');
  await agendaForm.getByLabel('Minutes').fill('50');
  await agendaForm.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('agenda-item')).toHaveCount(2);
  await expect(page.getByTestId('agenda-timing')).toHaveText('10 minutes over the meeting’s length (70 minutes planned for 60 minutes)');

  // Drag "Calibration results" to the top (keyboard drag of @hello-pangea/dnd: space, up, space).
  await page.getByRole('button', { name: 'Move “Calibration results”', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('agenda-item').first()).toContainText('1. Calibration results');

  // The deviation report for the agenda goes with the meeting.
  const files = page.getByRole('region', { name: 'Files' }).getByTestId('attachments-panel');
  await files.getByTestId('attachment-input').setInputFiles({ name: 'Deviation report DEV-12.txt', mimeType: 'text/plain', buffer: Buffer.from('DEV-12: balance B-12 drifted 0.3 mg.') });
  await expect(files.getByRole('listitem').filter({ hasText: 'Deviation report DEV-12.txt' })).toContainText(manager.name);

  // Take the minutes: attendance, notes, a decision and an action item for the technician.
  await page.getByRole('region', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: tech.name }).getByRole('combobox', { name: 'Attendance' }).click();
  await page.getByRole('option', { name: 'Present' }).click();
  await page.getByLabel('Notes on “Open deviations”').fill('Two deviations still open; DEV-12 needs a CAPA.');
  await page.getByLabel('Notes on “Open deviations”').blur();
  const decisionForm = page.getByRole('form', { name: 'Record a decision' });
  await decisionForm.getByLabel('Decision').fill('Open a CAPA for DEV-12.');
  await decisionForm.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('Open a CAPA for DEV-12.')).toBeVisible();
  const actionForm = page.getByRole('form', { name: 'Add an action item' });
  await actionForm.getByLabel('New action item').fill('Recalibrate balance B-12');
  await actionForm.getByLabel('Owner').click();
  await page.getByRole('option', { name: tech.name }).click();
  await fillDate(actionForm, 'Due', localDate(5));
  await actionForm.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('action-item')).toHaveCount(1);

  // Make it a task in the technician's inbox.
  await page.getByRole('button', { name: 'Make it a task' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create the task' }).click();
  await expect(page.getByTestId('action-item')).toContainText('Task: Recalibrate balance B-12');
  await expect(page.getByTestId('action-item')).toContainText('Open');

  // Publish the minutes and open the PDF.
  await page.getByRole('button', { name: 'Publish the minutes' }).click();
  await expect(page.getByText(/^Version 1 — /)).toBeVisible();
  await saveScreenshot(page, 'meeting-page');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF of version 1' }).click();
  const pdfPath = await (await download).path();
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', [pdfPath, '-']).toString();
  expect(pdfText).toContain('Minutes: Weekly QA meeting');
  expect(pdfText).toContain('Open a CAPA for DEV-12.');
  expect(pdfText).toContain('Recalibrate balance B-12');
  // Its first page as a picture beside the screenshots, to look at as the attendees will.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfPath, 'tests/e2e/screenshots/meeting-minutes-pdf']);

  // The organiser signs version 1 off electronically: a wrong password is said under the field, then the sign-off is listed.
  await page.getByRole('button', { name: 'Sign off version 1' }).click();
  const sign = page.getByRole('form', { name: 'Electronic signature' });
  await expect(sign.getByTestId('signature-statement')).toContainText('the minutes of “Weekly QA meeting”, version 1');
  await expect(sign.getByRole('radio', { name: /Approved/ })).toBeChecked();
  await sign.getByLabel('Your password').fill('not my password');
  await sign.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(sign.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');
  await expect(sign.getByText('The password is not correct; nothing was signed.')).toBeVisible();
  await saveScreenshot(page, 'meeting-minutes-sign-off');
  await sign.getByLabel('Your password').fill(manager.password);
  await sign.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(`Signed off by ${manager.name} (approved,`, { exact: false })).toBeVisible();

  // The list shows the series; the calendar shows the meeting tomorrow at 10:00.
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Upcoming meetings' }).getByRole('row')).toHaveCount(5);
  await saveScreenshot(page, 'meetings-list');
  await page.getByRole('tab', { name: 'Calendar' }).click();
  const calendar = page.getByTestId('meeting-calendar');
  // Tomorrow may be next week.
  const tomorrow = calendar.locator(`td.fc-timegrid-col[data-date="${localDate(1)}"]`);
  if ((await tomorrow.count()) === 0) await calendar.getByRole('button', { name: 'Next week' }).click();
  const event = calendar.locator('.fc-timegrid-event', { hasText: 'Weekly QA meeting' }).first();
  await expect(event).toBeVisible();
  await saveScreenshot(page, 'meetings-calendar');

  // Drag it an hour later: the attendee is told. (Both slots in view first, so the page does not scroll mid-drag.)
  const slot11 = calendar.locator('td.fc-timegrid-slot-lane[data-time="11:00:00"]');
  await slot11.scrollIntoViewIfNeeded();
  await event.scrollIntoViewIfNeeded();
  const column = (await calendar.locator(`td.fc-timegrid-col[data-date="${localDate(1)}"]`).boundingBox())!;
  const eleven = (await slot11.boundingBox())!;
  await drag(page, event, { x: column.x + column.width / 2, y: eleven.y + 8 });
  await expect(page.getByTestId('calendar-notice')).toContainText('moved to');
  await expect(page.getByTestId('calendar-notice')).toContainText('11:00–12:00');

  // My reminders an hour before too; a PC without a sync server exports the calendar as a file.
  await page.getByRole('button', { name: 'Reminders and calendar feed' }).click();
  const settings = page.getByRole('dialog', { name: 'Reminders and calendar feed' });
  await settings.getByRole('button', { name: '1 hour' }).click();
  await expect(settings.getByRole('button', { name: '1 hour' })).toHaveAttribute('aria-pressed', 'true');
  await expect(settings.getByText('This PC works without a sync server')).toBeVisible();
  await saveScreenshot(page, 'meetings-calendar-settings');
  const exported = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Download my calendar (.ics)' }).click();
  const ics = readFileSync(await (await exported).path()).toString();
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain('SUMMARY:Weekly QA meeting');
  await settings.getByRole('button', { name: 'Close' }).click();

  // The technician sees the invitation and the change, answers, and finds the task with its meeting.
  await signInAs(page, tech);
  await page.getByRole('button', { name: 'Notifications' }).click();
  await expect(page.getByTestId('notification-item').filter({ hasText: 'Changed: Weekly QA meeting' })).toHaveCount(1);
  await expect(page.getByTestId('notification-item').filter({ hasText: 'Invitation: Weekly QA meeting' })).toHaveCount(1);
  await expect(page.getByTestId('notification-item').filter({ hasText: 'Minutes: Weekly QA meeting' })).toHaveCount(1);
  await page.getByRole('button', { name: /^Changed: Weekly QA meeting/ }).click();
  await expect(page.getByTestId('meeting-when')).toContainText('11:00');
  await page.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Accepted' }).click();
  await expect(page.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Accepted' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Tasks' }).click();
  await page.getByText('Recalibrate balance B-12').first().click();
  await expect(page.getByTestId('task-meeting-origin')).toContainText('From the meeting Weekly QA meeting');

  // Done on the task is done in the minutes: the action item's status follows its task.
  const drawer = page.getByTestId('task-drawer');
  await drawer.getByLabel('Status', { exact: true }).click();
  await page.getByRole('option', { name: 'Done', exact: true }).click();
  await drawer.getByTestId('task-meeting-origin').getByRole('button', { name: 'Weekly QA meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Weekly QA meeting' })).toBeVisible();
  await expect(page.getByTestId('action-item')).toContainText('Recalibrate balance B-12');
  await expect(page.getByTestId('action-item')).toContainText('Done');
  await expect(page.getByRole('region', { name: 'Files' }).getByRole('listitem').filter({ hasText: 'Deviation report DEV-12.txt' })).toBeVisible();
  await saveScreenshot(page, 'meeting-page-attendee');
});
