// PlugHome dashboard: plain JavaScript, no build step, no libraries. Every number shown is the
// API's own (only turned into kW/kWh for reading). Signing in gives this browser an HttpOnly cookie
// (the token itself is never kept); every change sends back the CSRF token the server gave.
'use strict';

const main = document.getElementById('main');
/** Who is signed in ({name, role, csrf}), or null. */
let me = null;

// ---- small helpers

/** Builds an element: h('td', {class: 'num'}, 'text', child). Text is never parsed as HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const fmt = {
  kw: w => (w === null || w === undefined) ? '–' : (w / 1000).toFixed(1) + ' kW',
  kwh: wh => (wh === null || wh === undefined) ? '–' : (wh / 1000).toFixed(2) + ' kWh',
  amps: a => (a === null || a === undefined) ? '–' : Number(a).toFixed(1) + ' A',
  time: t => t ? new Date(t).toLocaleString() : '–',
  money: (v, cur) => (v === null || v === undefined) ? '–' : Number(v).toFixed(2) + (cur ? ' ' + cur : ''),
  ago: t => {
    if (!t) return 'never';
    const s = Math.round((Date.now() - new Date(t).getTime()) / 1000);
    if (s < 60) return Math.max(s, 0) + ' s ago';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 86400) return Math.round(s / 3600) + ' h ago';
    return new Date(t).toLocaleDateString();
  },
};

function signedInNow() { return me !== null; }
function isAdmin() { return me !== null && me.role === 'admin'; }

// ---- words a home user uses, for what the protocol and the server call things

const STATUS_WORDS = {
  Available: 'Ready', Preparing: 'Plugged in', Charging: 'Charging', SuspendedEV: 'Car paused',
  SuspendedEVSE: 'Paused by charger', Finishing: 'Finished, still plugged in', Reserved: 'Reserved',
  Unavailable: 'Out of service', Faulted: 'Fault', Occupied: 'Plugged in',
};
const REASON_WORDS = {
  None: 'no limit', ChargerLimit: 'this charger\'s limit', SiteShare: 'its share of the site limit',
  OutsideWindows: 'outside the charging hours', Paused: 'paused by you',
};
const STOP_WORDS = {
  EVDisconnected: 'car unplugged', Remote: 'stopped from PlugHome', Local: 'stopped at the charger',
  PowerLoss: 'power cut', Reboot: 'charger restarted', EmergencyStop: 'emergency stop', HardReset: 'charger reset',
  SoftReset: 'charger reset', DeAuthorized: 'card refused', EnergyLimitReached: 'energy limit reached',
  Other: 'other', UnlockCommand: 'unlocked', SOCLimitReached: 'battery full enough', Timeout: 'timed out',
};
const ACTION_WORDS = {
  RemoteStart: 'start charging', RemoteStop: 'stop charging', SetLimit: 'set the limit', ClearLimit: 'remove the limit',
  Override: 'charge now', CancelOverride: 'end charge now', Pause: 'pause', Resume: 'resume', Reset: 'restart the charger',
  RemoveCharger: 'remove the charger', AddSchedule: 'add charging hours', DeleteSchedule: 'remove charging hours',
};
/** What a network or server error says, without Java class names. */
function plainError(text) {
  if (!text) return '';
  const t = String(text);
  if (/ConnectException|Connection refused/i.test(t)) return 'could not connect';
  if (/HttpTimeoutException|timed out|Timeout/i.test(t)) return 'no answer in time';
  if (/UnknownHostException|UnresolvedAddress/i.test(t)) return 'unknown address';
  if (/SSL|certificate/i.test(t)) return 'secure connection failed';
  return t.replace(/^[\w.]+(Exception|Error):\s*/, '');
}
function enc(s) { return encodeURIComponent(s); }

/** Calls the API; answers {status, body}. A 401 signs out. */
async function api(path, options = {}) {
  const headers = Object.assign({Accept: 'application/json'}, options.headers || {});
  const method = options.method || 'GET';
  if (method !== 'GET' && me && me.csrf) headers['X-CSRF-Token'] = me.csrf;
  let body = options.body;
  if (body !== undefined && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch('/api/v1' + path, {method, headers, body, credentials: 'same-origin'});
  } catch (e) {
    return {status: 0, body: {error: 'NetworkError', message: 'PlugHome did not answer: ' + e.message}};
  }
  let parsed = null;
  const text = await res.text();
  if (text) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = {message: text}; }
  }
  if (res.status === 401 && path !== '/me' && path !== '/signin' && me) {
    signedOut('You were signed out (the token was removed, or the sign-in expired); sign in again.');
  }
  return {status: res.status, body: parsed};
}

async function apiOk(path, options) {
  const r = await api(path, options);
  if (r.status < 200 || r.status >= 300) {
    throw new Error((r.body && (r.body.message || r.body.error)) || ('HTTP ' + r.status));
  }
  return r.body;
}

/** How a control call ended, in plain words: accepted, rejected, offline, no answer. */
function outcome(r) {
  const b = r.body || {};
  if (r.status >= 200 && r.status < 300) {
    const status = b.status || (b.applied && b.applied.status) || 'Done';
    const good = /^(Accepted|Applied|Unlocked|Done)$/i.test(status) || (b.effective !== undefined);
    return {cls: good ? 'ok' : 'bad', text: (good ? 'Accepted' : status === 'Rejected' ? 'Rejected' : status)
      + (b.effective ? ' · limit now ' + describeEffective(b.effective) : '')};
  }
  if (r.status === 409 && b.error === 'ChargerOffline') {
    return {cls: 'warn', text: 'Offline: the charger is not connected, nothing was sent'};
  }
  if (r.status === 504) return {cls: 'warn', text: 'No answer: the charger did not answer in time'};
  if (r.status === 403) return {cls: 'bad', text: 'Refused: this needs an admin token'};
  if (r.status === 0) return {cls: 'bad', text: 'PlugHome did not answer; is it running?'};
  return {cls: 'bad', text: plainError(b.message || b.error || ('HTTP ' + r.status))};
}

function describeEffective(e) {
  if (!e) return '–';
  const why = REASON_WORDS[e.reason] || e.reason;
  if (e.paused) return 'paused: ' + why;
  if (e.limit === null || e.limit === undefined) return 'none';
  return e.limit + ' ' + e.unit + (e.overridden ? ' (charging now despite the schedule)' : '')
    + (e.reason && e.reason !== 'None' ? ' · ' + why : '');
}

function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 30);
}

/** The last control answer, kept so that the page, drawn again with fresh figures, still shows it. */
let lastResult = null;

/** A box for control answers: the last one given on this page, if any. */
function resultBox() {
  const last = lastResult && lastResult.page === location.hash ? lastResult : null;
  return h('div', {id: 'result', class: last ? last.cls : 'result', role: 'status'},
    last ? last.text : 'Answers from the charger appear here.');
}

/** A button that runs a control call and shows how the charger answered next to it. */
function controlButton(label, run, attrs = {}) {
  const resultBox = attrs.result;
  const question = attrs.confirm;
  delete attrs.result;
  delete attrs.confirm;
  const button = h('button', Object.assign({type: 'button'}, attrs), label);
  button.addEventListener('click', async () => {
    if (question && !confirm(question)) return;
    button.disabled = true;
    resultBox.className = 'result';
    resultBox.textContent = label + ': waiting for the charger…';
    try {
      const r = await run();
      const o = outcome(r);
      resultBox.className = 'result ' + o.cls;
      resultBox.textContent = label + ': ' + o.text;
      lastResult = {page: location.hash, cls: resultBox.className, text: resultBox.textContent};
      announce(resultBox.textContent);
      if (r.status >= 200 && r.status < 300) setTimeout(route, 800);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function statusBadge(status, errorCode) {
  const bad = status === 'Faulted' || (errorCode && errorCode !== 'NoError');
  const cls = bad ? 'bad' : status === 'Charging' ? 'on' : /Suspended|Unavailable/.test(status) ? 'warn' : 'off';
  return h('span', {class: 'badge ' + cls, title: status || ''}, STATUS_WORDS[status] || status || 'unknown',
    bad && errorCode && errorCode !== 'NoError' ? ' · ' + errorCode : '');
}

/**
 * A table; on a narrow screen each row becomes a card whose cells carry their column's name
 * (data-label), so nothing is cut off or needs sideways scrolling.
 */
function table(headers, rows, attrs = {}) {
  const names = headers.map(x => typeof x === 'string' ? x : x.text);
  for (const row of rows) {
    [...row.children].forEach((cell, i) => { if (names[i]) cell.setAttribute('data-label', names[i]); });
  }
  const cls = ((attrs.class || '') + (names.every(n => n === '') ? '' : ' cards')).trim();
  return h('div', {class: 'scroll'}, h('table', Object.assign({}, attrs, {class: cls || null}),
    h('thead', {}, h('tr', {}, headers.map(x => typeof x === 'string' ? h('th', {scope: 'col'}, x)
      : h('th', {scope: 'col', class: x.cls}, x.text)))),
    h('tbody', {}, rows)));
}

/** Thrown by a page drawn for a route the user has already left. */
class Superseded extends Error {}
let generation = 0;

/** Shows a page, unless another route was taken while this one loaded. */
function page(gen, title, ...children) {
  if (gen !== generation) throw new Superseded();
  document.title = title + ' · PlugHome';
  main.replaceChildren(h('h1', {}, title), ...children);
}

function failed(e) {
  if (e instanceof Superseded) return;
  main.append(h('p', {class: 'result bad'}, 'Could not load: ' + e.message));
}

// ---- live events: the server-sent event stream (the sign-in cookie goes with it)

let eventHandler = null;
let eventAbort = null;

async function startEvents() {
  if (eventAbort) return;
  eventAbort = new AbortController();
  const signal = eventAbort.signal;
  try {
    const res = await fetch('/api/v1/events', {headers: {Accept: 'text/event-stream'}, signal,
      credentials: 'same-origin'});
    if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += value;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
        if (data && eventHandler) {
          try { eventHandler(JSON.parse(data)); } catch (e) { /* not an event */ }
        }
      }
    }
  } catch (e) {
    if (signal.aborted) return;
  }
  eventAbort = null;
  if (signedInNow()) setTimeout(startEvents, 3000);
}

function stopEvents() {
  if (eventAbort) eventAbort.abort();
  eventAbort = null;
}

// ---- sign-in

/** Signs this browser out at the server (the cookie goes), then shows the sign-in form. */
async function signOut() {
  await api('/signout', {method: 'POST'});
  signedOut();
}

/** Forgets who was signed in here and shows the sign-in form. */
function signedOut(message) {
  me = null;
  stopEvents();
  showSignIn(message);
}

function showSignIn(message) {
  document.getElementById('nav').hidden = true;
  document.getElementById('menu').hidden = true;
  document.getElementById('signout').hidden = true;
  document.getElementById('who').textContent = '';
  const input = h('input', {id: 'token', type: 'password', name: 'token', autocomplete: 'current-password',
    required: true, 'aria-describedby': 'token-help'});
  const error = h('p', {id: 'signin-error', class: message ? 'result bad' : '', role: 'alert'}, message || '');
  const form = h('form', {class: 'panel signin', id: 'signin'},
    h('h1', {}, 'Sign in to PlugHome'),
    h('label', {for: 'token'}, 'API token', input),
    h('p', {id: 'token-help', class: 'muted'}, 'The admin token from the server\'s first start (look for ',
      h('code', {}, 'PlugHome admin token'), ' in its log), PLUGHOME_ADMIN_TOKEN, or a viewer token. You stay '
      + 'signed in on this device until you sign out; the token itself is not kept.'),
    h('button', {type: 'submit'}, 'Sign in'), error);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const r = await api('/signin', {method: 'POST', body: {token: input.value.trim()}});
    if (r.status !== 200) {
      error.className = 'result bad';
      error.textContent = r.status === 401 ? 'This token is not known to PlugHome.'
        : 'Sign-in failed: ' + plainError((r.body && r.body.message) || r.status);
      input.focus();
      return;
    }
    me = r.body;
    if (location.hash === '' || location.hash === '#/signin') location.hash = '#/';
    signedIn();
  });
  document.title = 'Sign in · PlugHome';
  main.replaceChildren(form);
  input.focus();
}

function signedIn() {
  document.getElementById('nav').hidden = false;
  document.getElementById('menu').hidden = false;
  document.getElementById('signout').hidden = false;
  document.getElementById('who').textContent = me.name + ' · ' + me.role;
  for (const a of document.querySelectorAll('[data-admin]')) a.hidden = !isAdmin();
  startEvents();
  route();
}

// ---- pages

const routes = [
  [/^#?\/?$/, chargersPage],
  [/^#\/chargers\/(.+)$/, chargerPage],
  [/^#\/sessions(?:\?.*)?$/, sessionsPage],
  [/^#\/energy$/, energyPage],
  [/^#\/tariff$/, tariffPage],
  [/^#\/id-tags$/, idTagsPage],
  [/^#\/tokens$/, tokensPage],
  [/^#\/audit$/, auditPage],
  [/^#\/automation$/, automationPage],
];

function route() {
  if (!signedInNow()) { showSignIn(); return; }
  const hash = location.hash || '#/';
  generation++;
  eventHandler = null;
  for (const a of document.querySelectorAll('nav a')) {
    const target = a.getAttribute('href');
    const current = target === '#/' ? (hash === '#/' || hash.startsWith('#/chargers')) : hash.startsWith(target);
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  for (const [pattern, render] of routes) {
    const m = hash.match(pattern);
    if (m) {
      render(...m.slice(1).map(decodeURIComponent)).catch(failed);
      return;
    }
  }
  page(generation, 'Not found', h('p', {}, 'No such page. ', h('a', {href: '#/'}, 'Back to the chargers')));
}

// Chargers: every charger with its connectors, live power and session energy.
async function chargersPage() {
  const gen = generation;
  const list = await apiOk('/chargers?limit=1000');
  const grid = h('div', {class: 'grid', id: 'chargers'});
  page(gen, 'Chargers', grid);
  if (list.items.length === 0) {
    grid.replaceWith(h('div', {class: 'panel', id: 'no-chargers'},
      h('p', {}, 'No charger has connected yet. Point a charger at ', h('code', {}, wsUrl() + '/<charger id>'),
        ', or start the simulator: ', h('code', {}, 'java -jar target/plughome-simulator.jar --chargers 3'))));
  }
  const items = list.items.slice().sort((x, y) => (y.online - x.online) || (x.name || x.id).localeCompare(y.name || y.id));
  for (const c of items) grid.append(chargerCard(c));
  let refresh = null;
  eventHandler = ev => {
    if (ev.event === 'meter.values') {
      const card = grid.querySelector(`[data-charger="${CSS.escape(ev.chargerId)}"]`);
      if (card) {
        if (ev.data.powerW !== null && ev.data.powerW !== undefined) card.querySelector('.power').textContent = fmt.kw(ev.data.powerW);
        if (ev.data.energyWh !== null && ev.data.energyWh !== undefined) {
          card.querySelector('.energy').textContent = fmt.kwh(ev.data.energyWh);
          const total = card.querySelector('.total');
          total.textContent = fmt.kwh(Number(total.dataset.before) + ev.data.energyWh);
        }
        return;
      }
    }
    clearTimeout(refresh);
    refresh = setTimeout(() => { if (location.hash === '' || location.hash === '#/') route(); }, 400);
  };
}

function wsUrl() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ocpp';
}

function chargerCard(c) {
  const s = c.activeSession;
  const connectors = c.connectors.filter(x => x.connectorId !== 0);
  return h('article', {class: 'card', 'data-charger': c.id},
    h('h2', {}, h('a', {href: '#/chargers/' + enc(c.id)}, c.name || c.id)),
    h('div', {}, h('span', {class: 'badge ' + (c.online ? 'on' : 'off'), 'data-online': String(c.online)},
      c.online ? 'online' : 'offline'), ' ',
      c.registration !== 'ACCEPTED' ? h('span', {class: 'badge warn'}, c.registration === 'PENDING'
        ? 'waiting for your approval' : 'refused') : '',
      ' ', h('span', {class: 'muted'}, [c.vendor, c.model].filter(Boolean).join(' '), c.protocol ? ' · ' + c.protocol : '')),
    h('div', {class: 'figures'},
      h('div', {class: 'figure'}, h('b', {class: 'power'}, s ? fmt.kw(s.powerW) : fmt.kw(0)), h('span', {}, 'power now')),
      h('div', {class: 'figure'}, h('b', {class: 'energy'}, s ? fmt.kwh(s.energyWh) : '–'), h('span', {}, 'this session')),
      h('div', {class: 'figure'}, h('b', {class: 'total', 'data-before': c.totalEnergyWh - (s && s.energyWh ? s.energyWh : 0)},
        fmt.kwh(c.totalEnergyWh)), h('span', {}, 'all time'))),
    h('ul', {class: 'connectors', 'aria-label': 'Connectors'}, connectors.map(x => h('li', {'data-connector': x.connectorId},
      'Connector ', x.connectorId, x.evseId && x.evseId !== x.connectorId ? ' (EVSE ' + x.evseId + ')' : '', ': ',
      statusBadge(x.status, x.errorCode)))),
    h('div', {class: 'muted'}, 'Last seen ', h('time', {datetime: c.lastSeen || ''}, fmt.ago(c.lastSeen))));
}

// One charger: its state, controls (admins), limits, schedules, sessions and frames.
async function chargerPage(id) {
  const gen = generation;
  const [c, sessions, limits, schedules, frames] = await Promise.all([
    apiOk('/chargers/' + enc(id)),
    apiOk('/sessions?chargerId=' + enc(id) + '&limit=10'),
    apiOk('/chargers/' + enc(id) + '/limits'),
    apiOk('/chargers/' + enc(id) + '/schedules'),
    api('/chargers/' + enc(id) + '/frames').then(r => r.status === 200 ? r.body : null),
  ]);
  const s = c.activeSession;
  const result = resultBox();
  const state = h('section', {class: 'panel', 'aria-labelledby': 'state-h'},
    h('h2', {id: 'state-h'}, 'Now'),
    h('p', {}, h('span', {class: 'badge ' + (c.online ? 'on' : 'off'), id: 'online'}, c.online ? 'online' : 'offline'),
      ' last seen ', fmt.ago(c.lastSeen), ' · ', c.protocol || 'never connected'),
    h('div', {class: 'figures'},
      h('div', {class: 'figure'}, h('b', {class: 'power', id: 'power'}, s ? fmt.kw(s.powerW) : fmt.kw(0)), h('span', {}, 'power now')),
      h('div', {class: 'figure'}, h('b', {id: 'current'}, s ? fmt.amps(s.currentA) : '–'), h('span', {}, 'current')),
      h('div', {class: 'figure'}, h('b', {class: 'energy', id: 'energy'}, s ? fmt.kwh(s.energyWh) : '–'), h('span', {}, 'this session')),
      h('div', {class: 'figure'}, h('b', {id: 'total', 'data-before': c.totalEnergyWh - (s && s.energyWh ? s.energyWh : 0)},
        fmt.kwh(c.totalEnergyWh)), h('span', {}, 'all time'))),
    h('ul', {class: 'connectors'}, c.connectors.filter(x => x.connectorId !== 0).map(x => h('li', {},
      'Connector ', x.connectorId, ': ', statusBadge(x.status, x.errorCode), ' ', h('span', {class: 'muted'}, fmt.ago(x.updatedAt))))),
    s ? h('p', {id: 'active-session'}, 'Charging for ', s.idTag || '–', ' since ', fmt.time(s.startedAt),
      limits.paused ? h('span', {class: 'badge warn', id: 'paused'}, ' paused') : '')
      : h('p', {class: 'muted', id: 'active-session'}, 'No session running.'));
  const curve = curvePanel(s, sessions.items);

  const details = h('section', {class: 'panel', 'aria-labelledby': 'details-h'},
    h('h2', {id: 'details-h'}, 'Charger'),
    table(['', ''], [
      ['Id', c.id], ['Name', c.name || '–'], ['Vendor / model', [c.vendor, c.model].filter(Boolean).join(' / ') || '–'],
      ['Serial', c.serialNumber || c.chargeBoxSerialNumber || '–'], ['Firmware', c.firmwareVersion || '–'],
      ['Registration', c.registration === 'PENDING' ? 'pending approval' : c.registration.toLowerCase()],
      ['Password', c.sharedSecretSet ? 'set (the charger must present it)' : 'not set'],
      ['Last boot', fmt.time(c.lastBoot)],
    ].map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, v)))));

  const children = [state, curve.panel];
  if (isAdmin()) children.push(controls(c, limits, result));
  children.push(limitsPanel(limits, schedules), details, sessionsPanel(sessions, curve), framesPanel(frames));
  page(gen, c.name || c.id, ...children);
  eventHandler = ev => {
    if (ev.chargerId !== c.id) return;
    if (ev.event === 'meter.values') {
      if (ev.data.powerW !== null && ev.data.powerW !== undefined) document.getElementById('power').textContent = fmt.kw(ev.data.powerW);
      if (ev.data.currentA !== null && ev.data.currentA !== undefined) document.getElementById('current').textContent = fmt.amps(ev.data.currentA);
      if (ev.data.energyWh !== null && ev.data.energyWh !== undefined) {
        document.getElementById('energy').textContent = fmt.kwh(ev.data.energyWh);
        const total = document.getElementById('total');
        total.textContent = fmt.kwh(Number(total.dataset.before) + ev.data.energyWh);
      }
      if (ev.data.powerW !== null && ev.data.powerW !== undefined) curve.live(ev.at, ev.data.powerW);
    } else if (ev.event !== 'command.result') {
      clearTimeout(chargerPage.refresh);
      chargerPage.refresh = setTimeout(() => { if (location.hash === '#/chargers/' + enc(c.id)) route(); }, 500);
    }
  };
}

function controls(c, limits, result) {
  const id = enc(c.id);
  const connectors = c.connectors.filter(x => x.connectorId !== 0);
  const connector = h('select', {id: 'start-connector'}, (connectors.length ? connectors : [{connectorId: 1}])
    .map(x => h('option', {value: x.connectorId}, 'Connector ' + x.connectorId)));
  const idTag = h('input', {id: 'start-idtag', placeholder: 'default', maxlength: 20, size: 12});
  const limitA = h('input', {id: 'limit-a', type: 'number', min: 0, max: 1000, step: '0.5', size: 6,
    value: limits.maxCurrentA ?? ''});
  const until = h('input', {id: 'override-until', type: 'datetime-local'});
  const resetType = h('select', {id: 'reset-type'}, h('option', {value: 'Soft'}, 'Soft'), h('option', {value: 'Hard'}, 'Hard'));
  const body = {};
  const panel = h('section', {class: 'panel', 'aria-labelledby': 'control-h'},
    h('h2', {id: 'control-h'}, 'Control'),
    c.registration === 'PENDING' ? h('div', {class: 'actions'}, h('span', {}, 'This charger waits for your approval.'),
      controlButton('Approve', () => api('/chargers/' + id, {method: 'PATCH', body: {approved: true}}),
        {id: 'approve', result})) : '',
    h('div', {class: 'actions'},
      h('label', {}, 'Connector', connector), h('label', {}, 'idTag', idTag),
      controlButton('Start', () => {
        const b = {connectorId: Number(connector.value)};
        if (idTag.value.trim()) b.idTag = idTag.value.trim();
        return api('/chargers/' + id + '/remote-start', {method: 'POST', body: b});
      }, {id: 'start', result}),
      controlButton('Stop', () => api('/chargers/' + id + '/remote-stop', {method: 'POST', body}),
        {id: 'stop', class: 'danger', result, confirm: 'Stop charging ' + (c.name || c.id) + '? The session ends;'
          + ' to go on, the car has to be started again.'}),
      limits.paused
        ? controlButton('Resume', () => api('/chargers/' + id + '/pause', {method: 'DELETE'}), {id: 'resume', result})
        : controlButton('Pause', () => api('/chargers/' + id + '/pause', {method: 'POST'}),
          {id: 'pause', class: 'quiet', result})),
    h('div', {class: 'actions'},
      h('label', {}, 'Max current (A)', limitA),
      controlButton('Set limit', () => api('/chargers/' + id + '/limits', {method: 'PUT',
        body: {maxCurrentA: Number(limitA.value)}}), {id: 'set-limit', result}),
      controlButton('Remove limit', () => api('/chargers/' + id + '/limits', {method: 'DELETE'}),
        {id: 'clear-limit', class: 'quiet', result})),
    h('div', {class: 'actions'},
      h('label', {}, 'Charge now until (empty: the end of the session)', until),
      controlButton('Override', () => api('/chargers/' + id + '/override', {method: 'POST',
        body: until.value ? {until: new Date(until.value).toISOString()} : {}}), {id: 'override', result}),
      controlButton('Cancel override', () => api('/chargers/' + id + '/override', {method: 'DELETE'}),
        {id: 'cancel-override', class: 'quiet', result})),
    h('div', {class: 'actions'},
      h('label', {}, 'Reset', resetType),
      controlButton('Reset', () => api('/chargers/' + id + '/reset', {method: 'POST', body: {type: resetType.value}}),
        {id: 'reset', class: 'danger', result, confirm: 'Restart ' + (c.name || c.id) + '? A session in progress'
          + ' may end.'})),
    h('div', {class: 'actions'},
      h('span', {class: 'muted'}, c.online ? 'To remove this charger, disconnect it first.'
        : 'Remove this charger with its sessions and readings (the audit log keeps its entries).'),
      h('button', {type: 'button', class: 'danger', id: 'remove-charger', disabled: c.online, onclick: async () => {
        if (!confirm('Remove ' + c.id + ' with all its sessions and readings? Download its sessions as CSV first'
          + ' if you want them.')) return;
        const r = await api('/chargers/' + id, {method: 'DELETE'});
        if (r.status === 204) {
          announce('Removed ' + c.id);
          location.hash = '#/';
        } else {
          const o = outcome(r);
          result.className = 'result ' + o.cls;
          result.textContent = 'Remove: ' + o.text;
        }
      }}, 'Remove charger')),
    result);
  return panel;
}

function limitsPanel(limits, schedules) {
  return h('section', {class: 'panel', 'aria-labelledby': 'limits-h'},
    h('h2', {id: 'limits-h'}, 'Limit, schedules, override'),
    table(['', ''], [
      ['Limit in effect', h('span', {id: 'effective-limit'}, describeEffective(limits.effective))],
      ['Paused', limits.paused ? 'yes: held at 0 until you resume or the session ends' : 'no'],
      ['Your limit', limits.maxCurrentA !== null && limits.maxCurrentA !== undefined ? limits.maxCurrentA + ' A'
        : limits.maxPowerW !== null && limits.maxPowerW !== undefined ? limits.maxPowerW + ' W' : 'none'],
      ['At the charger', limits.applied && limits.applied.status ? limits.applied.status + (limits.applied.detail
        ? ' · ' + plainError(limits.applied.detail) : '') : '–'],
      ['Charge now', limits.override ? (limits.override.active ? 'on, ' + (limits.override.untilSessionEnds
        ? 'until the session ends' : 'until ' + fmt.time(limits.override.until)) : 'ended') : 'none'],
      ['Charging windows', schedules.items.length ? schedules.items.map(w => w.daysOfWeek.map(d => d.slice(0, 3)).join(' ')
        + ' ' + w.startTime + '–' + w.endTime).join('; ') : 'none: charging is allowed at any time'],
    ].map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, v)))));
}

function sessionsPanel(sessions, curve) {
  return h('section', {class: 'panel', 'aria-labelledby': 'sessions-h'},
    h('h2', {id: 'sessions-h'}, 'Recent sessions'),
    sessionTable(sessions.items, false, curve));
}

function sessionTable(items, withCharger, curve) {
  if (!items.length) return h('p', {class: 'muted'}, 'No sessions.');
  return table([withCharger ? 'Charger' : null, 'Started', 'Stopped', 'Card', {text: 'Energy', cls: 'num'},
    {text: 'Cost', cls: 'num'}, 'Why it ended', curve ? 'Power' : null].filter(Boolean), items.map(s => h('tr', {'data-session': s.id},
    withCharger ? h('td', {}, h('a', {href: '#/chargers/' + enc(s.chargerId)}, s.chargerId)) : null,
    h('td', {}, fmt.time(s.startedAt)), h('td', {}, s.active ? h('span', {class: 'badge on'}, 'charging') : fmt.time(s.stoppedAt)),
    h('td', {}, s.idTag || '–'), h('td', {class: 'num'}, fmt.kwh(s.energyWh)),
    h('td', {class: 'num'}, fmt.money(s.costEstimate, s.currency)), h('td', {}, STOP_WORDS[s.stopReason] || s.stopReason || ''),
    curve ? h('td', {}, h('button', {type: 'button', class: 'quiet', onclick: () => curve.show(s)}, 'Curve')) : null)),
  {id: 'session-table'});
}

/**
 * The power curve of a session: the running one (drawn from its stored readings, then followed
 * live), or a past one picked in the sessions below.
 */
function curvePanel(active, recent) {
  const title = h('h2', {id: 'curve-h'}, 'Power');
  const note = h('p', {class: 'muted', id: 'curve-note'});
  const holder = h('div', {id: 'curve'});
  const panel = h('section', {class: 'panel', 'aria-labelledby': 'curve-h'}, title, note, holder);
  let points = [];
  let shown = null;
  const draw = () => {
    holder.replaceChildren(points.length > 1 ? lineChart(points) : h('p', {class: 'muted'},
      'Not enough readings yet for a curve.'));
  };
  const show = async session => {
    shown = session;
    note.textContent = (session.active ? 'This session, live' : 'Session of ' + fmt.time(session.startedAt)) + ' · '
      + fmt.kwh(session.energyWh);
    const r = await api('/sessions/' + session.id + '/power?points=300');
    if (shown !== session) return;
    points = r.status === 200 ? r.body.items.map(p => [new Date(p.at).getTime(), p.powerW]) : [];
    draw();
    if (!session.active) panel.scrollIntoView({block: 'nearest'});
  };
  const start = active || recent.find(x => !x.active);
  if (start) show(start); else { note.textContent = 'No session yet.'; }
  return {
    panel,
    show,
    live: (at, powerW) => {
      if (!shown || !shown.active) return;
      points.push([at ? new Date(at).getTime() : Date.now(), powerW]);
      draw();
    },
  };
}

/** An SVG drawing of the given size and a helper that adds an element to it. */
function svgChart(w, hgt, cls, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('class', cls);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const el = (name, attrs, text) => {
    const e = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  return {svg, el};
}

/** A line chart of power over time, in SVG (points: [epoch ms, W]). */
function lineChart(points) {
  const w = 600, hgt = 200, padL = 40, padB = 22;
  const t0 = points[0][0], t1 = points[points.length - 1][0];
  const max = Math.max(1000, ...points.map(p => p[1]));
  const x = t => padL + (w - padL - 4) * (t1 === t0 ? 0 : (t - t0) / (t1 - t0));
  const y = v => hgt - padB - (hgt - padB - 8) * v / max;
  const {svg, el} = svgChart(w, hgt, 'chart curve', 'Power from ' + new Date(t0).toLocaleTimeString() + ' to '
    + new Date(t1).toLocaleTimeString() + ', at most ' + fmt.kw(max));
  el('line', {x1: padL, y1: hgt - padB, x2: w, y2: hgt - padB});
  el('text', {x: 0, y: 12}, fmt.kw(max));
  el('text', {x: 0, y: hgt - padB}, '0');
  el('text', {x: padL, y: hgt - 4}, new Date(t0).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}));
  el('text', {x: w, y: hgt - 4, 'text-anchor': 'end'}, new Date(t1).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}));
  el('polyline', {class: 'line', points: points.map(p => x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1)).join(' ')});
  return svg;
}

function framesPanel(frames) {
  const panel = h('section', {class: 'panel', 'aria-labelledby': 'frames-h'}, h('h2', {id: 'frames-h'}, 'Recent OCPP frames'));
  if (!frames) {
    panel.append(h('p', {class: 'muted'}, 'The frame log is for admins.'));
    return panel;
  }
  if (!frames.enabled) {
    panel.append(h('p', {class: 'muted'}, 'The frame log is off for this charger.'));
  }
  const id = location.hash.slice('#/chargers/'.length);
  if (isAdmin()) {
    const result = h('div', {class: 'result', hidden: true});
    panel.append(h('div', {class: 'actions'}, controlButton(frames.enabled ? 'Stop logging frames' : 'Log frames',
      () => api('/chargers/' + id + '/frames', {method: frames.enabled ? 'DELETE' : 'PUT',
        body: frames.enabled ? undefined : {enabled: true}}).then(r => { result.hidden = false; return r; }),
      {class: 'quiet', id: 'frames-toggle', result})), result);
  }
  if (frames.items.length) {
    panel.append(table(['At', 'Direction', 'Frame'], frames.items.slice(-50).reverse().map(f => h('tr', {},
      h('td', {}, fmt.time(f.at)), h('td', {}, f.direction), h('td', {}, h('pre', {class: 'frame'}, f.text))))));
  }
  return panel;
}

// Sessions: history with filters, pages and CSV download.
async function sessionsPage() {
  const gen = generation;
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const chargers = await apiOk('/chargers?limit=1000');
  const charger = h('select', {id: 'filter-charger', name: 'chargerId'}, h('option', {value: ''}, 'All chargers'),
    chargers.items.map(c => h('option', {value: c.id}, c.name || c.id)));
  const from = h('input', {id: 'filter-from', type: 'date'});
  const to = h('input', {id: 'filter-to', type: 'date'});
  const results = h('div', {id: 'sessions'});
  const pager = h('div', {class: 'actions'});
  const limit = 50;
  let offset = 0;
  const query = () => {
    const q = new URLSearchParams();
    if (charger.value) q.set('chargerId', charger.value);
    if (from.value) q.set('from', new Date(from.value + 'T00:00:00').toISOString());
    if (to.value) {
      const end = new Date(to.value + 'T00:00:00');
      end.setDate(end.getDate() + 1);
      q.set('to', end.toISOString());
    }
    return q;
  };
  const load = async () => {
    const q = query();
    q.set('limit', limit);
    q.set('offset', offset);
    const list = await apiOk('/sessions?' + q);
    results.replaceChildren(h('p', {class: 'muted', id: 'session-count'}, list.total + ' session' + (list.total === 1 ? '' : 's')),
      sessionTable(list.items, true));
    pager.replaceChildren(
      offset > 0 ? h('button', {type: 'button', class: 'quiet', onclick: () => { offset -= limit; load(); }}, 'Newer') : '',
      offset + limit < list.total ? h('button', {type: 'button', class: 'quiet', onclick: () => { offset += limit; load(); }}, 'Older') : '');
  };
  const download = h('button', {type: 'button', id: 'csv', class: 'quiet'}, 'Download CSV');
  download.addEventListener('click', async () => {
    const res = await fetch('/api/v1/sessions?' + query(), {headers: {Accept: 'text/csv'},
      credentials: 'same-origin'});
    if (!res.ok) { announce('CSV download failed: HTTP ' + res.status); return; }
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', {href: url, download: 'plughome-sessions.csv'});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  const form = h('form', {class: 'panel inline', id: 'session-filters'},
    h('label', {}, 'Charger', charger), h('label', {}, 'From', from), h('label', {}, 'To', to),
    h('button', {type: 'submit'}, 'Show'), download);
  form.addEventListener('submit', ev => { ev.preventDefault(); offset = 0; load().catch(failed); });
  if (params.get('chargerId')) charger.value = params.get('chargerId');
  page(gen, 'Sessions', form, results, pager);
  await load();
}

// Energy: per day, week or month, as a chart and a table, with cost.
async function energyPage() {
  const gen = generation;
  const chargers = await apiOk('/chargers?limit=1000');
  const period = h('select', {id: 'energy-period'}, [['day', 'day'], ['week', 'week'], ['month', 'month']]
    .map(([v, t]) => h('option', {value: v}, t)));
  const charger = h('select', {id: 'energy-charger'}, h('option', {value: ''}, 'All chargers'),
    chargers.items.map(c => h('option', {value: c.id}, c.name || c.id)));
  const out = h('div', {id: 'energy'});
  const load = async () => {
    const q = new URLSearchParams({period: period.value});
    if (charger.value) q.set('chargerId', charger.value);
    const e = await apiOk('/energy?' + q);
    const items = e.items.filter((b, i) => b.energyWh > 0 || i >= e.items.length - 14);
    const now = e.items[e.items.length - 1];
    const before = e.items[e.items.length - 2];
    const names = {day: ['Today', 'yesterday'], week: ['This week', 'last week'], month: ['This month', 'last month']}[period.value];
    out.replaceChildren(
      now ? h('div', {class: 'figures', id: 'energy-compare'},
        h('div', {class: 'figure'}, h('b', {}, fmt.kwh(now.energyWh)), h('span', {}, names[0])),
        before ? h('div', {class: 'figure'}, h('b', {}, fmt.kwh(before.energyWh)), h('span', {}, names[1])) : '',
        before && before.energyWh > 0 ? h('div', {class: 'figure'}, h('b', {},
          (now.energyWh >= before.energyWh ? '+' : '') + Math.round(100 * (now.energyWh - before.energyWh) / before.energyWh) + ' %'),
          h('span', {}, 'compared')) : '') : '',
      h('p', {id: 'energy-total'}, 'Total ', h('b', {}, fmt.kwh(e.energyWh)), e.cost !== null && e.cost !== undefined
        ? ' · ' + fmt.money(e.cost, e.currency) : ' · set a tariff to see the cost'),
      chart(items, period.value),
      table(['From', {text: 'Energy', cls: 'num'}, {text: 'Sessions', cls: 'num'}, {text: 'Cost', cls: 'num'}],
        items.slice().reverse().map(b => h('tr', {}, h('td', {}, label(b.start, period.value)),
          h('td', {class: 'num'}, fmt.kwh(b.energyWh)), h('td', {class: 'num'}, b.sessions),
          h('td', {class: 'num'}, fmt.money(b.cost, b.currency)))), {id: 'energy-table'}));
  };
  period.addEventListener('change', () => load().catch(failed));
  charger.addEventListener('change', () => load().catch(failed));
  page(gen, 'Energy', h('div', {class: 'panel inline'}, h('label', {}, 'Per', period), h('label', {}, 'Charger', charger)), out);
  await load();
}

function label(start, period) {
  const d = new Date(start);
  if (period === 'month') return d.toLocaleDateString(undefined, {year: 'numeric', month: 'short'});
  return d.toLocaleDateString(undefined, {month: 'short', day: 'numeric'});
}

/** A bar chart of energy per bucket, in SVG; the table below it holds the same figures for screen readers. */
function chart(items, period) {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 600, hgt = 240, pad = 34;
  const {svg, el} = svgChart(w, hgt, 'chart', 'Energy per ' + period + ', the same figures as the table below');
  const max = Math.max(1, ...items.map(b => b.energyWh));
  el('line', {x1: pad, y1: hgt - pad, x2: w, y2: hgt - pad});
  el('text', {x: 0, y: 12}, fmt.kwh(max));
  const slot = (w - pad) / Math.max(items.length, 1);
  items.forEach((b, i) => {
    const bh = (hgt - 2 * pad) * b.energyWh / max;
    const x = pad + i * slot + slot * 0.15;
    const bar = el('rect', {class: 'bar', x, y: hgt - pad - bh, width: slot * 0.7, height: bh});
    const title = document.createElementNS(ns, 'title');
    title.textContent = label(b.start, period) + ': ' + fmt.kwh(b.energyWh);
    bar.append(title);
    if (i % Math.max(1, Math.ceil(52 / slot)) === (items.length - 1) % Math.max(1, Math.ceil(52 / slot))) {
      el('text', {x: pad + i * slot + slot / 2, y: hgt - pad + 14, 'text-anchor': 'middle'}, label(b.start, period));
    }
  });
  return svg;
}

// Tariff: the price per kWh the cost estimates use.
async function tariffPage() {
  const gen = generation;
  const t = await apiOk('/tariff');
  const panel = h('section', {class: 'panel'}, h('p', {id: 'tariff-now'}, t.pricePerKwh !== null && t.pricePerKwh !== undefined
    ? 'Price: ' + t.pricePerKwh + ' ' + (t.currency || '') + ' per kWh, since ' + fmt.time(t.updatedAt)
    : 'No tariff set: sessions and energy show no cost.'));
  if (isAdmin()) {
    const price = h('input', {id: 'tariff-price', type: 'number', step: '0.0001', min: 0, value: t.pricePerKwh ?? '', required: true});
    const currency = h('input', {id: 'tariff-currency', value: t.currency || 'EUR', maxlength: 3, size: 4, required: true});
    const result = h('div', {class: 'result', hidden: true});
    const form = h('form', {class: 'inline'}, h('label', {}, 'Price per kWh', price), h('label', {}, 'Currency', currency),
      h('button', {type: 'submit'}, 'Save'));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const r = await api('/tariff', {method: 'PUT', body: {pricePerKwh: Number(price.value), currency: currency.value.trim()}});
      result.hidden = false;
      const o = r.status === 200 ? {cls: 'ok', text: 'Saved'} : outcome(r);
      result.className = 'result ' + o.cls;
      result.textContent = o.text;
      if (r.status === 200) setTimeout(route, 600);
    });
    panel.append(form, result);
  }
  page(gen, 'Tariff', panel);
}

// idTags: who may charge.
async function idTagsPage() {
  const gen = generation;
  const list = await apiOk('/id-tags?limit=1000');
  const children = [h('p', {class: 'muted'}, 'Authorization mode: ', h('b', {}, list.authorization),
    list.authorization === 'accept-all' ? ' (any card charges; the list matters once PLUGHOME_AUTHORIZATION=list)' : '')];
  const result = h('div', {class: 'result', hidden: true});
  if (isAdmin()) {
    const tag = h('input', {id: 'idtag-new', required: true, maxlength: 36});
    const name = h('input', {id: 'idtag-name', maxlength: 100});
    const status = h('select', {id: 'idtag-status'}, ['Accepted', 'Blocked', 'Expired', 'Invalid'].map(s => h('option', {}, s)));
    const form = h('form', {class: 'panel inline'}, h('label', {}, 'idTag', tag), h('label', {}, 'Name', name),
      h('label', {}, 'Status', status), h('button', {type: 'submit'}, 'Save idTag'));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const r = await api('/id-tags/' + enc(tag.value.trim()), {method: 'PUT', body: {name: name.value || null, status: status.value}});
      result.hidden = false;
      result.className = 'result ' + (r.status < 300 ? 'ok' : 'bad');
      result.textContent = r.status < 300 ? 'Saved' : outcome(r).text;
      if (r.status < 300) setTimeout(route, 500);
    });
    children.push(form, result);
  }
  children.push(list.items.length ? table(['idTag', 'Name', 'Status', 'Expires', 'Parent', isAdmin() ? '' : null].filter(x => x !== null),
    list.items.map(t => h('tr', {}, h('td', {}, t.idTag), h('td', {}, t.name || ''), h('td', {}, t.status),
      h('td', {}, t.expiryDate ? fmt.time(t.expiryDate) : ''), h('td', {}, t.parentIdTag || ''),
      isAdmin() ? h('td', {}, h('button', {type: 'button', class: 'danger', onclick: async () => {
        if (!confirm('Delete idTag ' + t.idTag + '?')) return;
        await api('/id-tags/' + enc(t.idTag), {method: 'DELETE'});
        route();
      }}, 'Delete')) : null))) : h('p', {class: 'muted'}, 'No idTags.'));
  page(gen, 'idTags', ...children);
}

// Tokens: API tokens and their role (admins only).
async function tokensPage() {
  const gen = generation;
  if (!isAdmin()) {
    page(gen, 'Tokens', h('p', {class: 'result warn'}, 'Tokens are for admins.'));
    return;
  }
  const list = await apiOk('/tokens');
  const name = h('input', {id: 'token-name', required: true, maxlength: 100});
  const role = h('select', {id: 'token-role'}, h('option', {value: 'viewer'}, 'viewer'), h('option', {value: 'admin'}, 'admin'));
  const created = h('div', {id: 'token-created', role: 'status'});
  const form = h('form', {class: 'panel inline'}, h('label', {}, 'Name', name), h('label', {}, 'Role', role),
    h('button', {type: 'submit'}, 'Create token'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const r = await api('/tokens', {method: 'POST', body: {name: name.value.trim(), role: role.value}});
    if (r.status !== 201) {
      created.replaceChildren(h('p', {class: 'result bad'}, outcome(r).text));
      return;
    }
    created.replaceChildren(h('div', {class: 'panel'}, h('p', {}, 'Token ', h('b', {}, r.body.name), ' (', r.body.role,
      ') created. Copy it now: it is not shown again.'), h('p', {class: 'secret', id: 'token-secret'}, r.body.token),
      h('button', {type: 'button', class: 'quiet', onclick: route}, 'Done')));
  });
  page(gen, 'Tokens', form, created, table(['Name', 'Role', 'Created', 'Source', ''], list.items.map(t => h('tr', {},
    h('td', {}, t.name), h('td', {}, t.role), h('td', {}, fmt.time(t.createdAt)), h('td', {}, t.source),
    h('td', {}, t.id === null ? '' : h('button', {type: 'button', class: 'danger', onclick: async () => {
      if (!confirm('Delete token ' + t.name + '? Whoever uses it loses access.')) return;
      await api('/tokens/' + t.id, {method: 'DELETE'});
      route();
    }}, 'Delete'))))));
}

// Audit: who asked what, and how it ended.
async function auditPage() {
  const gen = generation;
  const list = await apiOk('/audit?limit=200');
  page(gen, 'Audit log', h('p', {class: 'muted'}, list.total + ' entries, newest first'),
    table(['At', 'Who', 'What', 'Charger', 'Outcome', 'Detail'], list.items.map(a => h('tr', {},
      h('td', {}, fmt.time(a.at)), h('td', {}, a.actor + ' (' + a.actorRole + ')'), h('td', {}, ACTION_WORDS[a.action] || a.action),
      h('td', {}, a.chargerId ? h('a', {href: '#/chargers/' + enc(a.chargerId)}, a.chargerId) : ''),
      h('td', {}, a.outcome), h('td', {}, a.detail || ''))), {id: 'audit-table'}));
}

// Home automation: the available-power input and the webhooks with their last deliveries.
async function automationPage() {
  const gen = generation;
  const power = await apiOk('/site/available-power');
  const powerPanel = h('section', {class: 'panel', 'aria-labelledby': 'power-h', id: 'available-power'},
    h('h2', {id: 'power-h'}, 'Available power'),
    power.receivedAt ? table(['', ''], [
      ['Last input', (power.powerW !== null ? power.powerW + ' W' : power.currentA + ' A per phase') + ', '
        + fmt.ago(power.receivedAt) + (power.stale ? ' (stale: the fallback applies)' : '')],
      ['As current', fmt.amps(power.inputCurrentA) + ' per phase'],
      ['Chargers may draw', power.allowedCurrentA === null ? 'the plain site limit'
        : power.paused ? 'nothing: paused below ' + power.minimumCurrentA + ' A' : fmt.amps(power.allowedCurrentA) + ' in all'],
      ['Site limit', power.siteLimitA === null ? 'none' : power.siteLimitA + ' A'],
      ['Shared now', power.effectiveSiteLimitA === null ? 'no limit' : power.effectiveSiteLimitA + ' A'],
      ['When updates stop', power.fallback],
    ].map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, v))))
      : h('p', {class: 'muted'}, 'No input: charging follows the site limit. Send the power the house can spare to ',
        h('code', {}, 'PUT /api/v1/site/available-power'), ' (see the README).'));
  const mqtt = await apiOk('/mqtt');
  const mqttPanel = h('section', {class: 'panel', 'aria-labelledby': 'mqtt-h', id: 'mqtt'},
    h('h2', {id: 'mqtt-h'}, 'MQTT and Home Assistant'),
    mqtt.enabled ? table(['', ''], [
      ['Broker', h('span', {}, mqtt.broker, ' ', h('span', {class: 'badge ' + (mqtt.connected ? 'on' : 'bad')},
        mqtt.connected ? 'connected' : 'not connected'))],
      ['Topics', mqtt.topicPrefix + '/<charger>/…'],
      ['Home Assistant discovery', mqtt.discoveryPrefix + '/…'],
      ['Published', mqtt.published + ' messages; ' + mqtt.dropped + ' state updates replaced by newer ones before sending'],
      mqtt.lastError ? ['Last error', plainError(mqtt.lastError)] : null,
    ].filter(Boolean).map(([k, v]) => h('tr', {}, h('th', {scope: 'row'}, k), h('td', {}, v))))
      : h('p', {class: 'muted'}, 'Off. Set PLUGHOME_MQTT_URL (e.g. mqtt://user:password@192.168.1.5:1883) to publish to'
        + ' your broker; chargers then appear in Home Assistant by themselves.'));
  const children = [powerPanel, mqttPanel];
  if (isAdmin()) {
    const hooks = await apiOk('/webhooks');
    const url = h('input', {id: 'webhook-url', type: 'url', required: true, size: 40, placeholder: 'http://192.168.1.20:8123/api/webhook/plughome'});
    const events = h('input', {id: 'webhook-events', value: '*', size: 30});
    const created = h('div', {id: 'webhook-created', role: 'status'});
    const form = h('form', {class: 'inline'}, h('label', {}, 'URL', url),
      h('label', {}, 'Events (comma-separated, or *)', events), h('button', {type: 'submit'}, 'Add webhook'));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      const r = await api('/webhooks', {method: 'POST', body: {url: url.value.trim(),
        events: events.value.split(',').map(x => x.trim()).filter(Boolean)}});
      if (r.status !== 201) { created.replaceChildren(h('p', {class: 'result bad'}, outcome(r).text)); return; }
      created.replaceChildren(h('div', {class: 'panel'}, h('p', {}, 'Webhook ', r.body.id, ' added. Its secret (shown only now):'),
        h('p', {class: 'secret'}, r.body.secret), h('button', {type: 'button', class: 'quiet', onclick: route}, 'Done')));
    });
    children.push(h('section', {class: 'panel', 'aria-labelledby': 'hooks-h', id: 'webhooks'},
      h('h2', {id: 'hooks-h'}, 'Webhooks'), form, created,
      hooks.items.length ? table(['URL', 'Events', 'Last delivery', ''], hooks.items.map(w => h('tr', {},
        h('td', {}, w.url), h('td', {}, w.events.join(', ')),
        h('td', {}, w.lastDelivery ? w.lastDelivery.event + ': ' + w.lastDelivery.status.toLowerCase()
          + (w.lastDelivery.lastStatusCode ? ' (HTTP ' + w.lastDelivery.lastStatusCode + ')' : w.lastDelivery.lastError
            ? ' (' + plainError(w.lastDelivery.lastError) + ')' : '') + ', ' + w.lastDelivery.attempts + ' attempt(s), '
          + fmt.ago(w.lastDelivery.lastAttemptAt || w.lastDelivery.createdAt) : 'none yet'),
        h('td', {}, h('button', {type: 'button', class: 'quiet', onclick: async () => {
          await api('/webhooks/' + w.id + '/test', {method: 'POST'});
          setTimeout(route, 1500);
        }}, 'Send test'), ' ', h('button', {type: 'button', class: 'danger', onclick: async () => {
          if (!confirm('Delete the webhook to ' + w.url + '?')) return;
          await api('/webhooks/' + w.id, {method: 'DELETE'});
          route();
        }}, 'Delete'))))) : h('p', {class: 'muted'}, 'No webhooks.')));
  }
  page(gen, 'Home automation', ...children);
}

// ---- start

document.getElementById('signout').addEventListener('click', () => signOut());
document.getElementById('menu').addEventListener('click', ev => {
  const nav = document.getElementById('nav');
  const open = nav.classList.toggle('closed') === false;
  ev.currentTarget.setAttribute('aria-expanded', String(open));
});
window.addEventListener('hashchange', () => {
  if (window.matchMedia('(max-width: 640px)').matches) {
    document.getElementById('nav').classList.add('closed');
    document.getElementById('menu').setAttribute('aria-expanded', 'false');
  }
  route();
  main.focus();
});
if (window.matchMedia('(max-width: 640px)').matches) document.getElementById('nav').classList.add('closed');
// Signed in on this device already? The cookie says so.
api('/me').then(r => {
  if (r.status === 200 && r.body && r.body.csrf) { me = r.body; signedIn(); } else showSignIn();
});
