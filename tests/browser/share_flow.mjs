// Promptotype — the browser test: `promptotype share` on a loopback port, the shared page in headless Chromium at a
// phone's size and a desktop's, a viewer each, clicking through the habit tracker's main flow (typing once; on the
// phone through the page's hidden keyboard input, Backspace included), a reaction pinned in review mode, a touch drag
// that scrolls without clicking, non-blank screenshots, the JSONL lines the pages posted, and a `refine` that every
// page shows live. Then samples/settings.json (beside SPEC) shared too, for a touch drag that moves a slider, and
// `export`ed folders opened from file://: one saves what its viewer did as a file that `import` merges once, one
// exported with --collect posts to the running share server.
//
//   node tests/browser/share_flow.mjs PROMPTOTYPE PAGE_DIR SPEC   (CTest runs it when the build has -DPT_WEB=ON)
//
// Drives Debian's chromium (PT_CHROMIUM overrides the path) through puppeteer-core (scripts/setup-web.sh installs it
// into tests/browser/node_modules). Waits are bounded polls, never fixed sleeps. Exits non-zero with the reason on
// any failure, and always stops the server and the browser. Screenshots stay in the temp folder it prints.
//
// [SECTION] Helpers
// [SECTION] Server
// [SECTION] One viewer
// [SECTION] Exported pages
// [SECTION] The test

import { spawn, execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

const [binary, pageDir, sample] = process.argv.slice(2);
if (!binary || !pageDir || !sample) {
  console.error('usage: node share_flow.mjs PROMPTOTYPE PAGE_DIR SPEC');
  process.exit(2);
}
const puppeteer = await import('puppeteer-core').then(m => m.default, () => {
  console.error('browser test: no puppeteer-core in tests/browser/node_modules: run scripts/setup-web.sh');
  process.exit(2);
});
const chromium = process.env.PT_CHROMIUM || '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'pt-browser-'));
const spec = join(work, basename(sample));
copyFileSync(sample, spec);
console.log('browser test: working in ' + work);

const step = what => console.log('  ' + what);

// Polls `probe` (async, returns a value or a falsy one) until it gives a value; throws `what` after `ms`.
async function until(what, probe, ms = 15000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out after ' + ms / 1000 + ' s waiting for ' + what);
    await new Promise(resolve => setTimeout(resolve, 50));  // the poll's interval, not a wait for an outcome
  }
}

// The JSON lines of a log beside the spec ([] while it does not exist).
function jsonLines(suffix, specPath = spec) {
  const path = specPath.replace(/\.json$/, suffix);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line));
}

//-----------------------------------------------------------------------------
// [SECTION] Server
//-----------------------------------------------------------------------------

// Starts `share` of SPEC_PATH on a free loopback port (no --port: any free one); resolves with the child and the link
// it prints.
async function startShare(specPath) {
  const child = spawn(binary, ['share', specPath, '--page', pageDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', d => { out += d; });
  child.stderr.on('data', d => { err += d; });
  const link = await until('the share link on stdout', async () => {
    if (child.exitCode !== null) throw new Error('promptotype share exited with ' + child.exitCode + ': ' + err.trim());
    return (out.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[0-9a-f]{32}\//) || [])[0];
  });
  return { child, link };
}

// Runs `promptotype ARGS...`; rejects with its output when it fails.
function run(args) {
  return new Promise((resolve, reject) => execFile(binary, args, { timeout: 60000 }, (error, stdout, stderr) =>
    error ? reject(new Error('promptotype ' + args[0] + ' failed: ' + (stderr || stdout || error.message).trim())) : resolve(stdout)));
}

//-----------------------------------------------------------------------------
// [SECTION] One viewer
//-----------------------------------------------------------------------------

// Where the runtime draws the visible widget TARGET names (id, key or label, as `play` finds it), or null.
async function locate(page, target) {
  const found = await page.evaluate(t => Module.ccall('pt_locate', 'string', ['string'], [t]), target);
  return found ? JSON.parse(found) : null;
}

// Resolves after the page has drawn `n` more frames.
function frames(page, n) {
  return page.evaluate(n => new Promise(done => {
    const next = left => left ? requestAnimationFrame(() => next(left - 1)) : done();
    next(n);
  }), n);
}

// Clicks (or taps, on a touch page) the middle of the widget TARGET names, once it shows. The button stays down for
// a couple of frames: ImGui 1.86 reads the button's state once a frame, so a press and release between two frames
// would be no click at all.
async function press(page, target, touch) {
  const r = await until(`'${target}' on the page`, () => locate(page, target));
  const x = r.x + r.w / 2, y = r.y + r.h / 2;
  if (touch) await page.touchscreen.touchStart(x, y);
  else {
    await page.mouse.move(x, y);
    await page.mouse.down();
  }
  await frames(page, 2);
  if (touch) await page.touchscreen.touchEnd();
  else await page.mouse.up();
  await frames(page, 2);
}

// Every `stride`-th pixel of a PNG screenshot as 0xRRGGBB, decoded by the page itself (an <img> and a 2D canvas, so
// node needs no PNG decoder).
function pixelsOf(page, png, stride = 1) {
  return page.evaluate(async (data, stride) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + data;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let i = 0; i < px.length; i += 4 * stride) out.push((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return out;
  }, Buffer.from(png).toString('base64'), stride);
}

// Screenshots the page to FILE and checks it is not blank: a PNG of some size, with many colours once decoded.
async function checkScreenshot(page, file) {
  const png = await page.screenshot({ path: file });
  if (png.length < 10000) throw new Error(file + ': the screenshot is only ' + png.length + ' bytes: is the page blank?');
  const colours = new Set(await pixelsOf(page, png, 7)).size;
  if (colours < 16) throw new Error(file + ': the screenshot has only ' + colours + ' colours: is the page blank?');
  step(`screenshot ${file}: ${png.length} bytes, ${colours}+ colours`);
}

// Whether the idea pin's violet (meeting/feedback's colour for an idea) shows within 16 px of (x, y).
async function ideaPinNear(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.max(0, x - 16), y: Math.max(0, y - 16), width: 32, height: 32 } });
  return (await pixelsOf(page, png)).some(p => Math.abs((p >> 16) - 139) + Math.abs(((p >> 8) & 255) - 92) + Math.abs((p & 255) - 246) < 40);
}

// Review mode: React, tap the widget TARGET names, Idea with a comment naming the viewer, Send; waits until the page
// has sent it and pinned it on the widget, as the stage pins reactions.
async function pinIdea(page, target, name, touch) {
  await page.click('#react');
  const r = await until(`'${target}' to react to`, () => locate(page, target));
  if (touch) await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
  else await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForSelector('#sheet', { visible: true, timeout: 5000 });
  await page.click('#kinds button[data-kind=idea]');
  await page.type('#comment', `${name} <b>likes</b> itx`);
  await page.keyboard.press('Backspace');  // the page's own field edits as any field does (the prototype gets no key)
  await page.click('#sheet button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.reactionsSent === '1', { timeout: 10000 });
  await until(`the idea's pin on '${target}'`, () => ideaPinNear(page, r.x + r.w, r.y), 5000);
  step(`${name}: pinned an idea on '${target}'`);
}

// Opens LINK for a viewer in their own browser context (own localStorage, so own name and viewer id), gives the name
// and waits for the first frame. Returns the page.
async function openAs(browser, link, { name, width, height, touch }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', e => console.log(`  [${name}] page error: ${e.message}`));
  await page.setViewport({ width, height, hasTouch: touch, isMobile: touch });
  await page.goto(link);
  await page.waitForSelector('#viewer-name', { visible: true, timeout: 15000 });
  await page.type('#viewer-name', name);
  await page.click('#name-card button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.firstFrame, { timeout: 20000 });
  step(`${name} (${width}x${height}): first frame at ${await page.evaluate(() => document.body.dataset.firstFrame)} ms`);
  return page;
}

// Drags a finger from (x, y) by (dx, dy) in STEPS moves, a frame drawn after each, as a finger moves across frames.
async function dragFinger(page, x, y, dx, dy, steps = 10) {
  await page.touchscreen.touchStart(x, y);
  for (let i = 1; i <= steps; i++) {
    await page.touchscreen.touchMove(x + dx * i / steps, y + dy * i / steps);
    await frames(page, 1);
  }
  await page.touchscreen.touchEnd();
  await frames(page, 2);
}

// One viewer: gives the name, clicks through the main flow (tick a habit, add one), pins a reaction, screenshots.
// Returns the page, left open.
async function viewer(browser, link, { name, width, height, touch, habit }) {
  const page = await openAs(browser, link, { name, width, height, touch });

  await press(page, 'Morning run', touch);           // tick a habit on Today
  await press(page, 'New habit', touch);             // the add-habit form
  await press(page, 'What do you want to do?', touch);
  const typingInto = () => page.evaluate(() => document.activeElement && document.activeElement.id);
  if (touch && await typingInto() !== 'keyboard')
    throw new Error(`${name}: tapping the text field did not focus the page's keyboard input (the phone's keyboard)`);
  // On the phone the page's hidden input hands each key to ImGui for exactly one frame, so a Backspace as quick as a
  // test's is typed once. (On the desktop emscripten's GLFW holds a key as long as it is down and ImGui 1.86 reads that
  // once a frame: a test's press is too short to see, or on a slow frame repeats; people's presses are neither.)
  await page.keyboard.type(habit + (touch ? 'x' : ''), { delay: 20 });
  if (touch) await page.keyboard.press('Backspace');
  await frames(page, 2);
  await press(page, 'Save habit', touch);
  await until(`the new habit '${habit}' on Today`, () => locate(page, habit));
  for (const wrong of [habit + habit, habit + 'x'])
    if (await locate(page, wrong)) throw new Error(`${name}: '${wrong}' on Today: typing reached the prototype twice, or Backspace did not`);
  if (touch) await until("the page's keyboard input let go once the habit is saved", async () => await typingInto() !== 'keyboard', 5000);
  step(`${name}: ticked a habit, added '${habit}' (typed once${touch ? ', Backspace included' : ''})`);

  await pinIdea(page, habit, name, touch);
  await checkScreenshot(page, join(work, `share-${width}x${height}.png`));
  if (touch) await scrollByTouch(page, name);
  return page;
}

// Drags a finger up the Progress screen from the first habit of its list (peeking above the tab bar; a tap opens it):
// the activity heat map must follow the finger, and the habit must not open (no click on it in the session log, no
// habit screen). A tap on Today afterwards marks where the log is complete, and leaves the page where the refine looks.
async function scrollByTouch(page, name) {
  const item = 'Morning run', moving = 'consistency', distance = 150;
  await press(page, 'Progress', true);
  const start = await until(`'${item}' on Progress`, () => locate(page, item));
  const before = await locate(page, moving);
  const x = start.x + start.w / 2, y = start.y + start.h / 2;
  const under = JSON.parse(await page.evaluate((x, y) => Module.ccall('pt_widget_at', 'string', ['number', 'number'], [x, y]), x, y));
  await dragFinger(page, x, y, 0, -distance);
  const after = await locate(page, moving);
  const moved = after ? before.y - after.y : NaN;
  if (!(Math.abs(moved - distance) <= 2))
    throw new Error(`${name}: a ${distance} px drag up moved '${moving}' by ${moved} px (before ${JSON.stringify(before)}, after ${JSON.stringify(after)})`);
  await press(page, 'Today', true);
  const mine = await until(`${name}'s return to Today in the sessions log`, () => {
    const lines = jsonLines('.sessions.jsonl').filter(l => l.viewer === name);
    const progress = lines.findIndex(l => l.type === 'screen' && l.screen === 'progress');
    return progress >= 0 && lines.slice(progress).some(l => l.type === 'screen' && l.screen === 'today') && lines.slice(progress);
  }, 10000);
  const clicked = mine.find(l => (l.type === 'click' && l.widget === under.widget) || (l.type === 'screen' && l.screen === 'habit'));
  if (clicked) throw new Error(`${name}: the drag that scrolled also clicked '${item}': ${JSON.stringify(clicked)}`);
  step(`${name}: a ${distance} px touch drag from '${item}' scrolled Progress by ${moved} px, without opening it`);
}

// On a phone, a drag that starts on a slider moves the slider rather than scrolling the screen: samples/settings.json's
// text size (100%), dragged right and a little up. The screen stays put, and the value the session log gets (once a
// tap on Notifications moves on) went up.
async function dragSlider(browser) {
  const settings = join(work, 'settings.json');
  copyFileSync(join(dirname(sample), 'settings.json'), settings);
  const started = await startShare(settings);
  try {
    const name = 'Cleo on a phone';
    const page = await openAs(browser, started.link, { name, width: 390, height: 844, touch: true });
    const before = await until("the 'textSize' slider", () => locate(page, 'textSize'));
    const x = before.x + before.w / 2, y = before.y + before.h / 2;
    const under = JSON.parse(await page.evaluate((x, y) => Module.ccall('pt_widget_at', 'string', ['number', 'number'], [x, y]), x, y));
    await dragFinger(page, x, y, 100, -20);
    const after = await locate(page, 'textSize');
    if (!after || after.y !== before.y) throw new Error(`${name}: a drag on the slider scrolled the screen (${JSON.stringify(before)} -> ${JSON.stringify(after)})`);
    await press(page, 'Notifications', true);
    const input = await until(`${name}'s text size in the sessions log`, () =>
      jsonLines('.sessions.jsonl', settings).find(l => l.viewer === name && l.type === 'input' && l.widget === under.widget), 10000);
    if (!(Number(input.value) > 100)) throw new Error(`${name}: dragging the slider right set it to ${input.value}`);
    step(`${name}: a touch drag on the text size slider set it to ${input.value}, the screen did not scroll`);
  } finally {
    started.child.kill('SIGTERM');
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Exported pages
//-----------------------------------------------------------------------------

// A viewer opening an exported folder's index.html from file:// (as from a file share): gives the name, ticks a habit,
// pins an idea on it. Returns the page, left open.
async function exportedViewer(browser, dir, name) {
  const page = await openAs(browser, 'file://' + join(dir, 'index.html'), { name, width: 1280, height: 800, touch: false });
  await press(page, 'Morning run', false);
  await pinIdea(page, 'Morning run', name, false);
  return page;
}

// Clicks the page's Save and returns the path of the file it downloads into DIR.
async function saveReactions(page, dir) {
  mkdirSync(dir, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  await page.click('#save');
  const file = await until('the saved reactions file', () => readdirSync(dir).find(f => f.endsWith('.json')));
  return join(dir, file);
}

// `export` without a collect link: the viewer's session and idea come back through Save and `import`, once.
async function exportAndImport(browser) {
  const dir = join(work, 'exported');
  await run(['export', spec, '-o', dir, '--page', pageDir]);
  const name = 'Cy from a file share';
  const page = await exportedViewer(browser, dir, name);
  const saved = await saveReactions(page, join(work, 'downloads'));
  await page.browserContext().close();
  const imported = await run(['import', spec, saved]);
  if (!imported.includes('1 reactions from ' + name)) throw new Error('import said: ' + imported.trim());
  const idea = jsonLines('.feedback.jsonl').find(l => l.viewer === name && l.kind === 'idea' && l.variant === 'A');
  const clicks = jsonLines('.sessions.jsonl').filter(l => l.viewer === name && l.type === 'click' && l.wall > 0);
  if (!idea || !clicks.length) throw new Error(`${name}'s idea or clicks are not in the logs after import`);
  const again = await run(['import', spec, saved]);
  if (!again.includes('Imported 0 session events and 0 reactions')) throw new Error('a second import added lines: ' + again.trim());
  step(`${name}: saved ${basename(saved)}; import merged it, and merged nothing the second time`);
}

// `export --collect LINK`: the page from file:// also posts to the share server at LINK (cross-origin, no CORS).
async function exportCollected(browser, link) {
  const dir = join(work, 'collected');
  await run(['export', spec, '-o', dir, '--page', pageDir, '--collect', link]);
  const name = 'Dee collected';
  const page = await exportedViewer(browser, dir, name);
  await until(`${name}'s idea and clicks at the share server`, () =>
    jsonLines('.feedback.jsonl').some(l => l.viewer === name && l.kind === 'idea') &&
    jsonLines('.sessions.jsonl').some(l => l.viewer === name && l.type === 'click'), 10000);
  await page.browserContext().close();
  step(`${name}: the exported page's idea and clicks reached the share server`);
}

//-----------------------------------------------------------------------------
// [SECTION] The test
//-----------------------------------------------------------------------------

let share = null, browser = null;
try {
  const started = await startShare(spec);
  share = started.child;
  const link = started.link;
  step('sharing at ' + link);
  browser = await puppeteer.launch({ executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const viewers = [
    { name: 'Ana on a phone', width: 390, height: 844, touch: true, habit: 'Stretch' },
    { name: 'Ben at a desk', width: 1280, height: 800, touch: false, habit: 'Read' },
  ];
  const pages = [];
  for (const v of viewers) pages.push(await viewer(browser, link, v));

  // What the pages posted, in the logs beside the spec: sessions every 2 s, reactions at once. The habit's name is
  // one input, as typed (once, less the Backspaced character).
  for (const { name, habit } of viewers) {
    await until(`${name}'s clicks and input '${habit}' in the sessions log`, () => {
      const mine = jsonLines('.sessions.jsonl').filter(l => l.viewer === name);
      return ['start', 'click', 'screen'].every(type => mine.some(l => l.type === type)) &&
             mine.some(l => l.type === 'input' && l.value === habit) &&
             mine.some(l => l.type === 'click' && l.x >= 0 && l.x <= 1 && l.y >= 0 && l.y <= 1 && l.widget);
    }, 10000);
    const reactions = jsonLines('.feedback.jsonl').filter(l => l.viewer === name);
    const idea = reactions.find(l => l.kind === 'idea' && l.who === name && l.comment === `${name} <b>likes</b> it` && l.widget);
    if (!idea) throw new Error(`no idea from ${name} in the feedback log: ${JSON.stringify(reactions)}`);
    // The tap that picked the widget was for the reaction only: the prototype never saw it.
    if (jsonLines('.sessions.jsonl').some(l => l.viewer === name && l.widget === idea.widget && l.type === 'click'))
      throw new Error(`${name}'s tap picking '${idea.label}' for a reaction also clicked it in the prototype`);
  }
  step('the sessions and reactions are in the logs, tagged with each viewer');

  // A refine on the command line reaches every open page.
  await run(['refine', spec, "rename 'Today' to 'My day'", '--provider', 'offline']);
  for (const page of pages) await until("'My day' on the page after the refine", () => locate(page, 'My day'), 20000);
  step("refined the spec: every page shows 'My day'");
  for (const page of pages) await page.browserContext().close();  // each open page draws every frame: free the CPU

  await dragSlider(browser);
  await exportAndImport(browser);
  await exportCollected(browser, link);
  console.log('browser test: passed');
} catch (error) {
  console.error('browser test: FAILED: ' + error.message);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (share) share.kill('SIGTERM');
}
