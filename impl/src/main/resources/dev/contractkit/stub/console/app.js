// The sandbox console: reads and drives a running stub through its admin API only. Everything shown is
// built with textContent, never parsed as HTML, so no stored item or request can inject markup.
'use strict';

(() => {
  const ADMIN = '/__admin/';
  const TOKEN_KEY = 'contract-kit-admin-token';
  const POLL_MS = 1000;
  const JOURNAL_ROWS = 200;
  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value);
    }
    for (const child of children) {
      element.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
    }
    return element;
  }

  function replaceRows(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  function status(message, isError = false) {
    const line = $('status');
    line.textContent = message;
    line.className = isError ? 'error' : '';
  }

  class Refused extends Error {
    constructor(code, body) {
      super((body && body.message) || ('HTTP ' + code));
      this.code = code;
      this.body = body;
    }
  }

  // ---- admin API, with the token kept for this tab after one prompt ----

  let tokenAsked = null;

  function askForToken(refused) {
    if (!tokenAsked) {
      tokenAsked = new Promise((resolve) => {
        $('token-error').textContent = refused ? 'That token was refused.' : '';
        $('token-input').value = '';
        $('token-form').onsubmit = (event) => {
          event.preventDefault();
          const token = $('token-input').value.trim();
          if (!token) return;
          sessionStorage.setItem(TOKEN_KEY, token);
          $('token-dialog').close();
          tokenAsked = null;
          resolve();
        };
        $('token-dialog').showModal();
      });
    }
    return tokenAsked;
  }

  async function api(method, path, body) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = {};
    if (token) headers['X-Admin-Token'] = token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await fetch(ADMIN + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
    if (answer.status === 401) {
      await askForToken(token !== null);
      return api(method, path, body);
    }
    const text = await answer.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (notJson) {
      json = { message: text };
    }
    if (!answer.ok) throw new Refused(answer.status, json);
    return json;
  }

  function query(params) {
    return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString();
  }

  /** Runs an action, telling the user when it fails instead of leaving an unhandled rejection. */
  function guarded(action) {
    return (...args) => Promise.resolve().then(() => action(...args)).catch((failure) => status(failure.message, true));
  }

  // ---- operations, and which an armed fault hits now ----

  let operations = [];
  let faults = [];

  function faultOn(operation) {
    return faults.find((f) => f.vendor === operation.vendor && (!f.operation || f.operation === operation.operationId));
  }

  function describeFault(fault) {
    if (fault.kind === 'status') return 'status ' + fault.status;
    if (fault.kind === 'delay') return 'delay ' + fault.delayMs + (fault.delayMaxMs ? '–' + fault.delayMaxMs : '') + ' ms';
    return 'drop';
  }

  function renderOperations() {
    replaceRows($('operations-table').tBodies[0], operations.map((op) => {
      const fault = faultOn(op);
      const served = el('td', {}, el('span', { class: 'badge ' + op.servedAs, title: op.reason }, op.servedAs), ' ' + op.behaviour);
      if (fault) served.append(' ', el('span', { class: 'badge faulted' }, 'faulted: ' + describeFault(fault)));
      return el('tr', { 'data-operation': op.vendor + '/' + op.operationId },
        el('td', {}, op.vendor), el('td', {}, op.method), el('td', { class: 'path' }, op.path),
        el('td', {}, op.operationId), served);
    }));
  }

  function renderFaultOperations() {
    const vendor = $('fault-vendor').value;
    const select = $('fault-operation');
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'any'),
      ...operations.filter((op) => op.vendor === vendor).map((op) => el('option', { value: op.operationId }, op.operationId)));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  }

  /** The vendor selects list the vendors the stub serves (one a spec), read from its operations. */
  function fillVendors() {
    const vendors = [...new Set(operations.map((op) => op.vendor))];
    for (const [id, any] of [['item-vendor', false], ['journal-vendor', true], ['fault-vendor', false]]) {
      const select = $(id);
      const chosen = select.value;
      select.replaceChildren(...(any ? [el('option', { value: '' }, 'any')] : []),
        ...vendors.map((vendor) => el('option', { value: vendor }, vendor)));
      if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
    }
  }

  async function loadOperations() {
    operations = (await api('GET', 'operations')).operations;
    fillVendors();
    renderOperations();
    renderFaultOperations();
  }

  // ---- collections and their items ----

  /** A collection's path with its scope's values in place of the template's parameters. */
  function pathOf(template, scope) {
    const values = scope === '' ? [] : scope.split('/');
    let i = 0;
    return template.replace(/\{[^}]+\}/g, (parameter) => (i < values.length ? values[i++] : parameter));
  }

  let idFields = new Map();
  let openCollection = null;

  async function loadCollections() {
    const collections = (await api('GET', 'collections')).collections;
    idFields = new Map(collections.map((c) => [c.vendor + ' ' + c.collection, c.idField || 'id']));
    const rows = [];
    for (const c of collections) {
      const scopes = Object.entries(c.scopes);
      if (scopes.length === 0) scopes.push([c.collection.includes('{') ? null : '', 0]);
      for (const [scope, count] of scopes) {
        const path = scope === null ? c.collection : pathOf(c.collection, scope);
        const open = scope === null ? c.collection : el('button', {
          type: 'button', class: 'link', 'data-path': path,
          onclick: guarded(() => showCollection(c.vendor, path, c.collection)),
        }, path);
        rows.push(el('tr', {}, el('td', {}, c.vendor), el('td', { class: 'path' }, open), el('td', { class: 'count' }, count)));
      }
    }
    replaceRows($('collections-table').tBodies[0], rows);
  }

  async function showCollection(vendor, path, template) {
    openCollection = { vendor, path, template };
    const items = (await api('GET', 'resources?' + query({ vendor, path }))).items;
    const idField = idFields.get(vendor + ' ' + template) || 'id';
    $('items-title').textContent = vendor + ' ' + path + ' (' + items.length + ')';
    $('items').replaceChildren(...items.map((item) => {
      const id = String(item[idField]);
      const label = item.name || item.individual_name || item.company_name || item.external_id || item.externalId || '';
      return el('li', {}, el('button', {
        type: 'button', class: 'link', 'data-id': id, onclick: () => editItem(vendor, path, id, item),
      }, id), ' ', label);
    }));
    setEditorTarget(vendor, path);
  }

  function setEditorTarget(vendor, path) {
    $('item-vendor').value = vendor;
    $('item-path').value = path;
  }

  let editing = null;

  function editItem(vendor, path, id, item) {
    editing = { vendor, itemPath: path + '/' + id };
    setEditorTarget(vendor, path);
    $('editor-title').textContent = 'Edit ' + id;
    $('item-json').value = JSON.stringify(item, null, 2);
    $('item-errors').replaceChildren();
    $('item-delete').disabled = false;
  }

  function newItem() {
    editing = null;
    $('editor-title').textContent = 'Seed an item';
    $('item-json').value = '{}';
    $('item-errors').replaceChildren();
    $('item-delete').disabled = true;
  }

  function showItemErrors(refused) {
    const body = refused.body || {};
    const lines = (body.errors || []).map((e) => el('li', { 'data-param': e.param }, el('code', {}, e.param), ': ' + e.message));
    $('item-errors').replaceChildren(el('li', {}, body.message || refused.message), ...lines);
  }

  async function saveItem(event) {
    event.preventDefault();
    let item;
    try {
      item = JSON.parse($('item-json').value);
    } catch (broken) {
      $('item-errors').replaceChildren(el('li', {}, 'Not JSON: ' + broken.message));
      return;
    }
    const vendor = $('item-vendor').value;
    const path = $('item-path').value.trim();
    try {
      const saved = await api('POST', 'resources?' + query({ vendor, path }), item);
      status('Saved in ' + vendor + ' ' + path);
      await loadCollections();
      const template = openCollection && openCollection.path === path ? openCollection.template : null;
      if (template) await showCollection(vendor, path, template);
      const idField = template ? idFields.get(vendor + ' ' + template) : 'id';
      editItem(vendor, path, String(saved[idField || 'id']), saved);
    } catch (refused) {
      if (!(refused instanceof Refused)) throw refused;
      showItemErrors(refused);
      status('Not saved: ' + refused.message, true);
    }
  }

  async function deleteItem() {
    if (!editing) return;
    await api('DELETE', 'resource?' + query({ vendor: editing.vendor, path: editing.itemPath }));
    status('Deleted ' + editing.itemPath);
    newItem();
    await loadCollections();
    if (openCollection) await showCollection(openCollection.vendor, openCollection.path, openCollection.template);
  }

  // ---- journal ----

  let journalShown = '';

  function statusMatches(code, wanted) {
    if (!wanted) return true;
    if (wanted === '-1') return code === -1;
    return String(code).charAt(0) === wanted.charAt(0) && code > 0;
  }

  async function loadJournal() {
    const vendor = $('journal-vendor').value;
    const operation = $('journal-operation').value.trim();
    const wanted = $('journal-status').value;
    const entries = (await api('GET', 'requests?' + query({ vendor, operation }))).requests
      .filter((e) => statusMatches(e.status, wanted)).reverse().slice(0, JOURNAL_ROWS);
    const shown = JSON.stringify(entries);
    if (shown === journalShown) return; // unchanged: keep the rows (and any selection) as they are
    journalShown = shown;
    replaceRows($('journal-table').tBodies[0], entries.map((entry) => el('tr', {
      class: 'entry status-' + String(entry.status).charAt(0), tabindex: '0',
      onclick: () => showEntry(entry), onkeydown: (e) => { if (e.key === 'Enter') showEntry(entry); },
    }, el('td', {}, entry.receivedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')), el('td', {}, entry.vendor),
      el('td', {}, entry.method), el('td', { class: 'path' }, entry.path), el('td', {}, entry.operation || '—'),
      el('td', { class: 'count' }, entry.status === -1 ? 'dropped' : entry.status))));
  }

  function pretty(body) {
    if (body == null) return '';
    return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  }

  const CURL_SKIPS = new Set(['host', 'content-length', 'connection', 'user-agent', 'accept-encoding', 'upgrade', 'http2-settings']);

  function shellQuote(text) {
    return "'" + text.replace(/'/g, "'\\''") + "'";
  }

  function curlOf(entry) {
    const lines = ['curl -X ' + entry.method + ' ' + shellQuote(location.origin + '/' + entry.vendor + entry.path)];
    for (const [name, value] of Object.entries(entry.headers)) {
      if (CURL_SKIPS.has(name)) continue;
      // The journal never keeps credentials: the curl names where they go.
      const sent = name === 'authorization' ? value.replace('[redacted]', 'Bearer <token>') : value;
      lines.push('-H ' + shellQuote(name + ': ' + sent));
    }
    if (entry.body != null) {
      lines.push('-d ' + shellQuote(typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body)));
    }
    return lines.join(' \\\n  ');
  }

  function showEntry(entry) {
    const headers = Object.entries(entry.headers).map(([n, v]) => n + ': ' + v).join('\n');
    $('entry-request').textContent = entry.method + ' /' + entry.vendor + entry.path + '\n' + headers + '\n\n' + pretty(entry.body);
    $('entry-answer').textContent = (entry.status === -1 ? 'dropped, no answer' : entry.status) + '\n\n' + pretty(entry.responseBody);
    $('entry-curl').textContent = curlOf(entry);
    $('journal-entry').hidden = false;
  }

  async function copyCurl() {
    const curl = $('entry-curl').textContent;
    try {
      await navigator.clipboard.writeText(curl);
      status('Copied the curl');
    } catch (noClipboard) {
      // Not a secure context (a stub opened by its network address): select it for the user to copy.
      window.getSelection().selectAllChildren($('entry-curl'));
      status('Selected the curl: copy it with Ctrl+C');
    }
  }

  // ---- faults and rate limits ----

  async function loadFaults() {
    faults = (await api('GET', 'faults')).faults;
    renderOperations();
    replaceRows($('faults-table').tBodies[0], faults.map((f) => el('tr', { 'data-fault': f.id },
      el('td', {}, f.id), el('td', {}, f.vendor), el('td', {}, f.operation || 'any'), el('td', {}, describeFault(f)),
      el('td', { class: 'count' }, f.remaining == null ? '∞' : f.remaining),
      el('td', {}, el('button', { type: 'button', onclick: guarded(() => clearFault(f.id)) }, 'Clear')))));
  }

  async function clearFault(id) {
    await api('DELETE', 'faults/' + encodeURIComponent(id));
    await loadFaults();
  }

  function faultToArm() {
    const number = (id) => ($(id).value === '' ? undefined : Number($(id).value));
    const fault = { vendor: $('fault-vendor').value, kind: $('fault-kind').value };
    if ($('fault-operation').value) fault.operation = $('fault-operation').value;
    if (fault.kind === 'status') fault.status = number('fault-status');
    if (fault.kind === 'delay') fault.delayMs = number('fault-delay');
    if (number('fault-times') !== undefined) fault.times = number('fault-times');
    return fault;
  }

  async function armFault(event) {
    event.preventDefault();
    try {
      const armed = await api('POST', 'faults', faultToArm());
      $('fault-errors').replaceChildren();
      status('Armed fault ' + armed.id);
      await loadFaults();
    } catch (refused) {
      if (!(refused instanceof Refused)) throw refused;
      const body = refused.body || {};
      $('fault-errors').replaceChildren(el('li', {}, body.message || refused.message),
        ...(body.errors || []).map((e) => el('li', {}, el('code', {}, e.param), ': ' + e.message)));
    }
  }

  async function loadRateLimits() {
    const buckets = (await api('GET', 'rate-limits')).buckets;
    replaceRows($('rate-limits-table').tBodies[0], buckets.length === 0
      ? [el('tr', {}, el('td', { colspan: '4' }, 'Off: start the stub with --rate-limit to limit the vendors.'))]
      : buckets.map((b) => el('tr', { 'data-vendor': b.vendor }, el('td', {}, b.vendor), el('td', { class: 'count' }, b.perSecond),
        el('td', { class: 'count' }, b.burst), el('td', { class: 'count remaining' }, b.remaining))));
  }

  // ---- reset, polling, start ----

  async function reset(to) {
    await api('POST', 'reset', { to });
    status(to === 'empty' ? 'Reset to empty' : 'Reset to the loaded data');
    newItem();
    openCollection = null;
    $('items').replaceChildren();
    $('items-title').textContent = 'Items';
    await refresh();
  }

  let refreshing = false;

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      await Promise.all([loadJournal(), loadFaults(), loadRateLimits(), loadCollections()]);
    } finally {
      refreshing = false;
    }
  }

  function poll() {
    const next = () => setTimeout(poll, POLL_MS);
    if (!$('journal-live').checked || document.hidden) {
      next();
      return;
    }
    refresh().catch((failure) => status(failure.message, true)).finally(next);
  }

  function wire() {
    $('token-dialog').addEventListener('cancel', (event) => event.preventDefault()); // Escape would leave calls waiting
    $('reset-loaded').addEventListener('click', guarded(() => reset('loaded')));
    $('reset-empty').addEventListener('click', guarded(() => reset('empty')));
    $('item-form').addEventListener('submit', guarded(saveItem));
    $('item-new').addEventListener('click', newItem);
    $('item-delete').addEventListener('click', guarded(deleteItem));
    for (const id of ['journal-vendor', 'journal-status', 'journal-operation']) {
      $(id).addEventListener('input', guarded(loadJournal));
    }
    $('journal-clear').addEventListener('click', guarded(async () => { await api('DELETE', 'requests'); await loadJournal(); }));
    $('copy-curl').addEventListener('click', guarded(copyCurl));
    $('fault-vendor').addEventListener('change', renderFaultOperations);
    $('fault-form').addEventListener('submit', guarded(armFault));
    $('faults-clear').addEventListener('click', guarded(async () => { await api('DELETE', 'faults'); await loadFaults(); }));
  }

  wire();
  guarded(async () => {
    await loadOperations();
    await refresh();
    document.body.dataset.ready = 'true'; // tests wait for this before they act
    status('');
    setTimeout(poll, POLL_MS);
  })();
})();
