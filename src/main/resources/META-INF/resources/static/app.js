/*
 * The behaviour of every page. Pages are rendered on the server; every action calls the JSON API, and a
 * refusal is shown with the API's own Chinese message (problem+json) next to the fields it names.
 */
'use strict';

/** Calls the API. Resolves with the parsed answer; rejects with {status, problem}. */
/** Asks a save or submission to answer only the report's new version and stage (ReportViews.Saved). */
const MINIMAL = { 'Prefer': 'return=minimal' };

async function api(method, url, body, contentType, extraHeaders) {
  const headers = Object.assign({ 'Accept': 'application/json, application/problem+json' }, extraHeaders || {});
  let payload = body;
  if (body !== undefined && !(body instanceof Blob)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (body instanceof Blob) {
    headers['Content-Type'] = contentType || 'application/octet-stream';
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw { status: 0, problem: { detail: '无法连接服务器，请检查网络后重试。您填写的内容仍在页面上。' } };
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    if (response.status === 401) {
      throw { status: 401, problem: { detail: '登录已过期，请在新窗口重新登录后再保存（本页内容不会丢失）。' } };
    }
    // The server answers every refusal with a problem; a bare status can still come from a proxy in front of it.
    const bare = {
      413: '提交的内容过大，未能保存。上传的 Word 文件不能超过 10 MB（请压缩图片、删去附件）；每章节不超过 20000 字。',
      502: '服务器暂时无法访问，请稍后重试。您填写的内容仍在页面上。',
      503: '服务器暂时无法访问，请稍后重试。您填写的内容仍在页面上。',
      504: '服务器响应超时，请稍后重试。您填写的内容仍在页面上。'
    };
    throw { status: response.status, problem: data || { detail: bare[response.status] || '操作未成功（' + response.status + '）' } };
  }
  return data;
}

/** Shows a problem in a form's alert area and marks the fields it names. */
function showProblem(container, problem) {
  const box = container.querySelector('.problem') || document.getElementById('page-problem');
  clearProblem(container);
  if (!box) { alert(problem.detail); return; }
  box.textContent = problem.detail || problem.title || '操作未成功';
  const fields = problem.fields || [];
  if (fields.length > 1 || (fields.length === 1 && fields[0].message && fields[0].message !== problem.detail)) {
    const list = document.createElement('ul');
    for (const f of fields) {
      const li = document.createElement('li');
      const target = fieldElement(container, f.field);
      if (target) {
        // Each listed item leads to its field.
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = f.message;
        link.addEventListener('click', e => { e.preventDefault(); target.focus(); });
        li.appendChild(link);
      } else {
        li.textContent = f.message;
      }
      list.appendChild(li);
    }
    box.appendChild(list);
  }
  for (const f of fields) {
    const input = fieldElement(container, f.field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const note = document.createElement('div');
      note.className = 'field-error';
      note.id = 'err-' + Math.random().toString(36).slice(2);
      note.textContent = f.message;
      input.setAttribute('aria-describedby', note.id);
      input.insertAdjacentElement('afterend', note);
    }
  }
  box.setAttribute('tabindex', '-1');
  box.focus();
}

/** The input a problem's field names (API field names: chain, sections.COUNTY_INDUSTRY, units[0].name). */
function fieldElement(container, field) {
  return container.querySelector('[name="' + cssEscape(field) + '"], [data-field="' + cssEscape(field) + '"]');
}

function clearProblem(container) {
  const box = container.querySelector('.problem');
  if (box) box.textContent = '';
  container.querySelectorAll('.field-error').forEach(e => e.remove());
  container.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

function cssEscape(s) {
  return String(s).replace(/["\\\[\]]/g, '\\$&');
}

/** A message that survives the reload after a successful action. */
function flash(message) {
  sessionStorage.setItem('flash', message);
}

function showFlash() {
  const message = sessionStorage.getItem('flash');
  const box = document.getElementById('flash');
  if (message && box) {
    box.textContent = message;
    sessionStorage.removeItem('flash');
  }
}

/** Reads a form into the JSON body the API expects (see data-kind on the inputs). */
function formBody(form) {
  const body = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button' || el.hasAttribute('data-path')) continue;
    const kind = el.dataset.kind || 'text';
    if (el.type === 'checkbox') {
      if (kind === 'ids') {
        body[el.name] = body[el.name] || [];
        if (el.checked) body[el.name].push(Number(el.value));
      } else {
        body[el.name] = el.checked;
      }
      continue;
    }
    const value = el.value;
    if (kind === 'ids') {
      body[el.name] = value.split(',').filter(v => v.trim()).map(Number);
    } else if (kind === 'lines') {
      body[el.name] = value.split(/\r?\n/).map(v => v.trim()).filter(v => v);
    } else if (value.trim() === '') {
      continue;
    } else if (kind === 'number') {
      body[el.name] = Number(value);
    } else if (kind === 'datetime') {
      body[el.name] = value.length === 16 ? value + ':00+08:00' : value + '+08:00';
    } else {
      body[el.name] = value;
    }
  }
  return body;
}

/** Forms marked data-url: send to the API, then reload or go where data-success says. */
function wireApiForms() {
  document.querySelectorAll('form[data-url]').forEach(form => {
    // The service checks every field and answers in Chinese next to it; the browser's own checks would differ.
    form.noValidate = true;
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const question = form.id === 'open-campaign' ? openCampaignQuestion(form) : form.dataset.confirm;
      if (question && !confirm(question)) return;
      clearProblem(form);
      const button = form.querySelector('button[type=submit], button:not([type])');
      if (button) button.disabled = true;
      try {
        const body = form.dataset.nobody ? undefined : (form.id === 'open-campaign' ? campaignBody(form) : formBody(form));
        const success = form.dataset.success || 'reload';
        // Only a goto:…/:key reads the answer; otherwise the page reloads, so the minimal answer will do.
        const readsAnswer = success.startsWith('goto:') && /:[A-Za-z]/.test(success.slice(5));
        // data-url may name fields marked data-path ({campaign}): their values go into the address, not the body.
        const url = form.dataset.url.replace(/\{([A-Za-z]+)\}/g, (m, name) => form.elements[name].value);
        const answer = await api(form.dataset.method || 'POST', url, body, undefined, readsAnswer ? undefined : MINIMAL);
        if (form.dataset.flash) flash(form.dataset.flash);
        if (success.startsWith('goto:')) {
          // goto:/reports/:id — each :name is taken from the API's answer.
          location.href = success.slice(5).replace(/:([A-Za-z]+)/g, (m, key) => encodeURIComponent(answer[key]));
        } else {
          location.reload();
        }
      } catch (e) {
        showProblem(form, e.problem || { detail: String(e) });
        if (button) button.disabled = false;
      }
    });
  });
}

/** The open-campaign form: pilot counties are rows of county + chains. */
/**
 * Opening a campaign cannot be taken back (every county gets its task): ask first, and warn when the deadline
 * (typed, or the default 31 October 23:59:59 of the year, Beijing time) is past or less than 30 days ahead of
 * the service's clock (data-now on the page).
 */
function openCampaignQuestion(form) {
  const year = form.querySelector('[name=year]').value.trim();
  const typed = form.querySelector('[name=deadline]').value;
  const deadline = typed ? new Date(typed.length === 16 ? typed + ':00+08:00' : typed + '+08:00')
    : (year ? new Date(year + '-10-31T23:59:59+08:00') : null);
  const now = document.body.dataset.now ? new Date(document.body.dataset.now) : new Date();
  let warning = '';
  if (deadline && !isNaN(deadline)) {
    const days = (deadline - now) / 86400000;
    if (days < 0) warning = '注意：报送截止时间已经过去。';
    else if (days < 30) warning = '注意：距报送截止时间不足 30 天（约 ' + Math.floor(days) + ' 天）。';
  }
  return warning + '开启后各县（市、区）和设区市立即收到待办，不能撤销。确定开启' + (year ? ' ' + year + ' 年度' : '') + '调研工作吗？';
}

function campaignBody(form) {
  const body = formBody(form);
  delete body.pilotCounty;
  delete body.pilotChains;
  const pilots = [];
  form.querySelectorAll('.pilot-row').forEach(row => {
    const county = row.querySelector('[name=pilotCounty]').value;
    const chains = row.querySelector('[name=pilotChains]').value.split(/\r?\n/).map(v => v.trim()).filter(v => v);
    if (county) pilots.push({ countyCode: county, chains });
  });
  if (pilots.length) body.pilots = pilots;
  return body;
}

function wirePilotRows() {
  const add = document.getElementById('add-pilot');
  if (!add) return;
  add.addEventListener('click', () => {
    const template = document.getElementById('pilot-template');
    const row = template.content.firstElementChild.cloneNode(true);
    document.getElementById('pilot-rows').appendChild(row);
    row.querySelector('select').focus();
  });
  document.getElementById('pilot-rows').addEventListener('click', e => {
    if (e.target.matches('.remove-pilot')) e.target.closest('.pilot-row').remove();
  });
}

/** Countdowns follow the server's clock (data-now), not the PC's. */
function wireCountdowns() {
  const items = document.querySelectorAll('[data-deadline]');
  if (!items.length) return;
  const serverNow = Date.parse(document.body.dataset.now || new Date().toISOString());
  const offset = serverNow - Date.now();
  const tick = () => {
    const now = Date.now() + offset;
    items.forEach(el => {
      const left = Date.parse(el.dataset.deadline) - now;
      el.textContent = describe(left);
      el.classList.toggle('late', left < 0);
    });
  };
  tick();
  setInterval(tick, 1000);
}

function describe(ms) {
  const late = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400); s -= days * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const text = days + ' 天 ' + pad(h) + ' 时 ' + pad(m) + ' 分 ' + pad(s) + ' 秒';
  return late ? '已超过截止时间 ' + text : '距截止还有 ' + text;
}

function pad(n) { return String(n).padStart(2, '0'); }

function wireLogout() {
  const button = document.getElementById('logout');
  if (!button) return;
  button.addEventListener('click', async () => {
    try { await api('POST', '/api/session/logout'); } catch (e) { /* the cookie is dropped anyway */ }
    location.href = '/login';
  });
}

function wireLogin() {
  const form = document.getElementById('login-form');
  if (!form) return;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const body = new URLSearchParams({ j_username: form.j_username.value, j_password: form.j_password.value });
    const response = await fetch('/j_security_check', { method: 'POST', body, credentials: 'same-origin' });
    if (response.ok) {
      location.href = form.dataset.next || '/';
    } else {
      showProblem(form, { detail: form.dataset.failed });
      form.j_password.value = '';
      form.j_password.focus();
    }
  });
}

/* ---------- The report editor ---------- */

function wireEditor() {
  const editor = document.getElementById('report-editor');
  if (!editor) return;
  const reportId = editor.dataset.reportId;
  const backupKey = 'report-draft-' + reportId;
  // touched: what was edited in this tab since it was opened; only that is kept aside locally, so restoring
  // it never overwrites another tab's or person's sections with this tab's stale copy.
  const state = { version: Number(editor.dataset.version), dirty: new Set(), unitsDirty: false, saving: null, timer: null,
    broken: false, touched: new Set(), unitsTouched: false };
  const status = document.getElementById('save-state');
  const textareas = editor.querySelectorAll('textarea[data-section]');

  const setStatus = (text, cls) => { status.textContent = text; status.className = cls; };
  const count = ta => {
    // Characters as people count them (code points), the server's rule (Section.length); not the textarea's
    // maxlength, which counts UTF-16 units and would stop at 10,000 字 outside the BMP (𠮷).
    // Table and figure marker lines cost no 字 (ExhibitMarkers.textLength).
    const n = [...ta.value.split('\n').filter(l => !EXHIBIT_MARKER.test(l)).join('\n')].length;
    const max = Number(ta.dataset.maxLength);
    const counter = document.getElementById('count-' + ta.dataset.section);
    // A merged report's limit is the counties' texts together: a number no one writes towards, so only the count shows.
    counter.textContent = max > 100000 ? n + ' 字' : n + ' / ' + max + ' 字';
    counter.classList.toggle('over', n > max);
  };
  const backup = () => {
    const sections = {};
    state.touched.forEach(key => { sections[key] = editor.querySelector('textarea[data-section="' + key + '"]').value; });
    localStorage.setItem(backupKey, JSON.stringify({ version: state.version, sections,
      units: state.unitsTouched ? unitRows() : null }));
  };
  const changed = () => {
    setStatus('有未保存的修改', 'dirty');
    backup();
    clearTimeout(state.timer);
    state.timer = setTimeout(save, 1500);
  };

  textareas.forEach(ta => {
    count(ta);
    ta.addEventListener('input', () => { state.dirty.add(ta.dataset.section); state.touched.add(ta.dataset.section); count(ta); changed(); });
  });

  const units = document.getElementById('units-body');
  const unitsChanged = () => { state.unitsDirty = true; state.unitsTouched = true; changed(); };
  units.addEventListener('input', unitsChanged);
  units.addEventListener('change', unitsChanged);
  units.addEventListener('click', e => {
    if (e.target.matches('.remove-unit')) {
      if (!confirmUnitRemoval(e.target.closest('tr'))) return;
      e.target.closest('tr').remove();
      renumber();
      unitsChanged();
    }
  });
  document.getElementById('add-unit').addEventListener('click', () => {
    const row = addUnitRow({});
    row.querySelector('input').focus();
    unitsChanged();
  });

  async function save() {
    clearTimeout(state.timer);
    if (state.broken) return false;
    if (state.saving) { await state.saving; }
    if (!state.dirty.size && !state.unitsDirty) return true;
    const sections = {};
    const sent = new Set(state.dirty);
    sent.forEach(key => { sections[key] = editor.querySelector('textarea[data-section="' + key + '"]').value; });
    const body = { version: state.version };
    if (sent.size) body.sections = sections;
    const sendUnits = state.unitsDirty;
    if (sendUnits) body.units = unitRows();
    state.dirty.clear();
    state.unitsDirty = false;
    setStatus('正在保存…', 'dirty');
    // The answer to an autosave is only the new version and stage (RFC 7240 Prefer): the texts are those on the page.
    state.saving = api('PUT', '/api/reports/' + reportId + '/draft', body, undefined, MINIMAL);
    try {
      const answer = await state.saving;
      state.version = answer.version;
      editor.dataset.version = answer.version;
      if (state.onSaved) state.onSaved(answer);
      clearProblem(editor);
      if (!state.dirty.size && !state.unitsDirty) {
        localStorage.removeItem(backupKey);
        setStatus('已保存 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false }), 'saved');
      }
      return true;
    } catch (e) {
      sent.forEach(k => state.dirty.add(k));
      state.unitsDirty = state.unitsDirty || sendUnits;
      if (e.status === 409) {
        state.broken = true;
        setStatus('未保存：内容已在别处修改', 'failed');
      } else {
        setStatus('未保存', 'failed');
      }
      showProblem(editor, e.problem);
      return false;
    } finally {
      state.saving = null;
    }
  }

  document.getElementById('save-now').addEventListener('click', () => { state.dirty.size || state.unitsDirty ? save() : setStatus('没有需要保存的修改', 'saved'); });

  document.getElementById('submit-report').addEventListener('click', async () => {
    const submitButton = document.getElementById('submit-report');
    if (!confirm(submitButton.dataset.confirm || '提交后报告将转市级审核，审核期间不能修改。确定提交吗？')) return;
    if (!(await save())) return;
    try {
      await api('POST', '/api/reports/' + reportId + '/submit', { version: state.version }, undefined, MINIMAL);
      localStorage.removeItem(backupKey);
      flash(submitButton.dataset.flash || '报告已提交，等待市级审核。');
      location.reload();
    } catch (e) {
      showProblem(editor, e.problem);
    }
  });

  window.addEventListener('beforeunload', e => {
    if (state.dirty.size || state.unitsDirty || state.saving) { e.preventDefault(); e.returnValue = ''; }
  });

  // Text typed before a crash, a closed tab or a refused save is offered back, never silently dropped.
  const saved = localStorage.getItem(backupKey);
  if (saved) {
    const data = JSON.parse(saved);
    const differs = [...textareas].some(ta => data.sections[ta.dataset.section] !== undefined
        && data.sections[ta.dataset.section] !== ta.value)
      || (data.units && JSON.stringify(data.units) !== JSON.stringify(unitRows()));
    const restore = document.getElementById('restore-backup');
    if (differs) {
      restore.hidden = false;
      restore.querySelector('button').addEventListener('click', () => {
        textareas.forEach(ta => {
          if (data.sections[ta.dataset.section] !== undefined && data.sections[ta.dataset.section] !== ta.value) {
            ta.value = data.sections[ta.dataset.section];
            state.dirty.add(ta.dataset.section);
            state.touched.add(ta.dataset.section);
            count(ta);
          }
        });
        if (data.units) { setUnits(data.units); state.unitsDirty = true; state.unitsTouched = true; }
        restore.hidden = true;
        save();
      });
    } else {
      localStorage.removeItem(backupKey);
    }
  }

  wireExhibits(editor, reportId, state, save, count, setStatus);

  // Confirming an import: what was typed is saved first, then the service writes the file's sections, units
  // table, tables and figures in one step on this version (409 when another tab saved since), and the page
  // shows the report as it now is.
  wireImport(editor, reportId, async file => {
    if (!(await save())) throw { status: 0, problem: { detail: '页面上的修改未能保存，未导入。请先处理页面上方的提示。' } };
    let report;
    try {
      report = await api('POST', '/api/reports/' + reportId + '/import/apply?version=' + state.version, file, 'application/octet-stream');
    } catch (e) {
      if (e.status === 409) { state.broken = true; setStatus('未保存：内容已在别处修改', 'failed'); }
      throw e;
    }
    textareas.forEach(ta => { ta.value = (report.sections || {})[ta.dataset.section] || ''; count(ta); });
    setUnits(report.units || []);
    state.version = report.version;
    editor.dataset.version = report.version;
    localStorage.removeItem(backupKey);
    if (state.onSaved) state.onSaved(report);
    setStatus('已保存 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false }) + '（第 ' + report.version + ' 版）', 'saved');
    return report;
  });
}

/** A line of a section that places a table or figure (report.ExhibitMarkers.LINE). */
const EXHIBIT_MARKER = /^[ \t\u3000]*〔([表图]):(\d{1,18})〕[ \t\u3000]*$/;

/**
 * Tables and figures in the editor: each insert, replacement or removal first saves what was typed, then asks
 * the API to place the table or figure after the line the cursor is on (the same optimistic lock as a save), and
 * takes the section's text and version back. Tables are edited in a grid that takes a block pasted from Excel or Word.
 */
function wireExhibits(editor, reportId, state, save, count, setStatus) {
  const byId = new Map();
  const caret = {};
  const textarea = key => editor.querySelector('textarea[data-section="' + key + '"]');
  editor.querySelectorAll('textarea[data-section]').forEach(ta => {
    const keep = () => { caret[ta.dataset.section] = ta.selectionEnd; };
    ['keyup', 'click', 'blur'].forEach(ev => ta.addEventListener(ev, keep));
  });
  const render = () => {
    editor.querySelectorAll('textarea[data-section]').forEach(ta => {
      const list = document.getElementById('exhibits-' + ta.dataset.section);
      if (!list) return;
      list.innerHTML = '';
      ta.value.split('\n').forEach(line => {
        const m = EXHIBIT_MARKER.exec(line);
        if (!m) return;
        const e = byId.get(Number(m[2]));
        const li = document.createElement('li');
        li.textContent = line.trim() + ' ' + (e ? e.caption + (e.kind === 'FIGURE' ? '（' + e.width + '×' + e.height + ' 像素）' : '（' + e.rows.length + ' 行 × ' + e.rows[0].length + ' 列）') : '（保存后显示）');
        if (e) {
          const edit = document.createElement('button');
          edit.type = 'button';
          edit.textContent = e.kind === 'TABLE' ? '修改' : '替换';
          edit.addEventListener('click', () => e.kind === 'TABLE' ? openTable(ta.dataset.section, e) : openFigure(ta.dataset.section, e));
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.textContent = '删除';
          remove.addEventListener('click', () => removeExhibit(ta.dataset.section, e));
          li.append(' ', edit, ' ', remove);
        }
        list.appendChild(li);
      });
    });
  };
  const learn = report => {
    (report.exhibits || []).forEach(e => byId.set(e.id, e));
    render();
    // The invitation to the chain map stands until 一.1 has a figure.
    const hint = document.getElementById('chain-map-hint');
    if (hint) hint.hidden = textarea('COUNTY_INDUSTRY').value.split('\n').some(l => (EXHIBIT_MARKER.exec(l) || [])[1] === '图');
  };
  state.onSaved = learn;
  api('GET', '/api/reports/' + reportId).then(learn).catch(() => {});

  const applied = (key, report) => {
    const ta = textarea(key);
    ta.value = report.sections[key] || '';
    state.version = report.version;
    editor.dataset.version = report.version;
    count(ta);
    learn(report);
    setStatus('已保存 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false }) + '（第 ' + report.version + ' 版）', 'saved');
  };
  const afterLine = key => caret[key] === undefined ? null : textarea(key).value.slice(0, caret[key]).split('\n').length;

  async function place(url, body, contentType, key, problemBox) {
    problemBox.textContent = '';
    if (!(await save())) { problemBox.textContent = '正文未能保存，请先处理页面上方的提示。'; return false; }
    try {
      const answer = await api('POST', url, body, contentType);
      applied(answer.exhibit.section, answer.report);
      return true;
    } catch (e) {
      problemBox.textContent = e.problem.detail;
      if (e.status === 409) { state.broken = true; setStatus('未保存：内容已在别处修改', 'failed'); }
      return false;
    }
  }

  async function removeExhibit(key, e) {
    if (!confirm('删除' + e.kindLabel + '“' + e.caption + '”？已提交的版本仍保留它。')) return;
    if (!(await save())) return;
    try {
      applied(key, await api('DELETE', '/api/reports/' + reportId + '/exhibits/' + e.id + '?version=' + state.version));
    } catch (err) {
      showProblem(editor, err.problem);
    }
  }

  // The table dialog: a grid of inputs; a block pasted into a cell fills the grid from there.
  const tableDialog = document.getElementById('table-dialog');
  const grid = document.querySelector('#table-grid tbody');
  let tableTarget = null;
  const gridRows = () => [...grid.rows].map(tr => [...tr.querySelectorAll('input')].map(i => i.value));
  const drawGrid = rows => {
    grid.innerHTML = '';
    rows.forEach((row, r) => {
      const tr = grid.insertRow();
      row.forEach((cell, c) => {
        const input = document.createElement('input');
        input.type = 'text';
        input.value = cell;
        input.maxLength = 200;
        input.dataset.row = r;
        input.dataset.col = c;
        input.setAttribute('aria-label', (r === 0 ? '表头' : '第 ' + r + ' 行') + '第 ' + (c + 1) + ' 列');
        tr.insertCell().appendChild(input);
      });
    });
  };
  grid.addEventListener('paste', ev => {
    const text = (ev.clipboardData || window.clipboardData).getData('text/plain');
    if (!ev.target.dataset || !/[\t\n]/.test(text)) return;
    ev.preventDefault();
    const block = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map(line => line.split('\t'));
    const r0 = Number(ev.target.dataset.row);
    const c0 = Number(ev.target.dataset.col);
    const rows = gridRows();
    const width = Math.min(10, Math.max(rows[0].length, c0 + Math.max(...block.map(b => b.length))));
    const height = Math.min(30, Math.max(rows.length, r0 + block.length));
    const out = [];
    for (let r = 0; r < height; r++) {
      out.push([]);
      for (let c = 0; c < width; c++) {
        const pasted = block[r - r0] && block[r - r0][c - c0];
        out[r].push(r >= r0 && c >= c0 && pasted !== undefined ? pasted.trim() : (rows[r] && rows[r][c]) || '');
      }
    }
    drawGrid(out);
  });
  const reshape = (dr, dc) => {
    const rows = gridRows();
    const width = Math.max(1, Math.min(10, rows[0].length + dc));
    const height = Math.max(2, Math.min(30, rows.length + dr));
    drawGrid(Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => (rows[r] && rows[r][c]) || '')));
  };
  document.getElementById('grid-add-row').addEventListener('click', () => reshape(1, 0));
  document.getElementById('grid-remove-row').addEventListener('click', () => reshape(-1, 0));
  document.getElementById('grid-add-col').addEventListener('click', () => reshape(0, 1));
  document.getElementById('grid-remove-col').addEventListener('click', () => reshape(0, -1));
  const openTable = (key, existing) => {
    tableTarget = { key, replaces: existing ? existing.id : null };
    document.getElementById('table-caption').value = existing ? existing.caption : '';
    document.getElementById('table-problem').textContent = '';
    drawGrid(existing ? existing.rows : [['', '', ''], ['', '', ''], ['', '', '']]);
    tableDialog.showModal();
  };
  editor.querySelectorAll('.add-table').forEach(b => b.addEventListener('click', () => openTable(b.dataset.section, null)));
  document.getElementById('table-cancel').addEventListener('click', () => tableDialog.close());
  document.getElementById('table-confirm').addEventListener('click', async () => {
    const body = { version: state.version, section: tableTarget.key, caption: document.getElementById('table-caption').value,
      rows: gridRows(), afterLine: afterLine(tableTarget.key), replaces: tableTarget.replaces };
    const ok = await place('/api/reports/' + reportId + '/exhibits/tables', body, undefined, tableTarget.key,
      document.getElementById('table-problem'));
    if (ok) tableDialog.close();
  });

  const figureDialog = document.getElementById('figure-dialog');
  let figureTarget = null;
  const openFigure = (key, existing) => {
    figureTarget = { key, replaces: existing ? existing.id : null };
    // The first figure of 一.1 is the chain map: suggested as a placeholder (a pre-filled value got the clerk's own
    // caption appended to it), and used when the caption is left empty.
    figureTarget.chainMap = !existing && key === 'COUNTY_INDUSTRY' && ![...byId.values()].some(e => e.kind === 'FIGURE');
    const caption = document.getElementById('figure-caption');
    caption.value = existing ? existing.caption : '';
    caption.placeholder = figureTarget.chainMap ? '产业创新链图谱（可写明地区和产业，如：某某县某某产业创新链图谱）' : '';
    document.getElementById('figure-file').value = '';
    document.getElementById('figure-problem').textContent = '';
    figureDialog.showModal();
  };
  editor.querySelectorAll('.add-figure').forEach(b => b.addEventListener('click', () => openFigure(b.dataset.section, null)));
  document.getElementById('figure-cancel').addEventListener('click', () => figureDialog.close());
  document.getElementById('figure-confirm').addEventListener('click', async () => {
    const file = document.getElementById('figure-file').files[0];
    const box = document.getElementById('figure-problem');
    if (!file) { box.textContent = '请选择一个 PNG 或 JPEG 图片文件'; return; }
    const typed = document.getElementById('figure-caption').value.trim();
    const query = new URLSearchParams({ version: state.version, caption: typed || (figureTarget.chainMap ? '产业创新链图谱' : '') });
    if (figureTarget.replaces) query.set('replaces', figureTarget.replaces); else query.set('section', figureTarget.key);
    const after = afterLine(figureTarget.key);
    if (after !== null && !figureTarget.replaces) query.set('afterLine', after);
    // Sent as bytes: the server reads the type from the content, not from the name.
    const ok = await place('/api/reports/' + reportId + '/exhibits/figures?' + query, file, 'application/octet-stream',
      figureTarget.key, box);
    if (ok) figureDialog.close();
  });
}

function unitRows() {
  return [...document.querySelectorAll('#units-body tr')].map(tr => {
    const get = f => tr.querySelector('[data-unit="' + f + '"]').value;
    return { name: get('name'), kind: get('kind') || null, strength: get('strength'), contact: get('contact') };
  });
}

function setUnits(units) {
  document.getElementById('units-body').innerHTML = '';
  units.forEach(u => addUnitRow(u));
}

function addUnitRow(unit) {
  const template = document.getElementById('unit-template');
  const row = template.content.firstElementChild.cloneNode(true);
  for (const f of ['name', 'kind', 'strength', 'contact']) {
    row.querySelector('[data-unit="' + f + '"]').value = unit[f] || '';
  }
  document.getElementById('units-body').appendChild(row);
  renumber();
  return row;
}

/** Row numbers, field names (units[2].name, as the API names them) and labels follow the order. */
function renumber() {
  document.querySelectorAll('#units-body tr').forEach((tr, i) => {
    tr.querySelector('.row-no').textContent = i + 1;
    tr.querySelectorAll('[data-unit]').forEach(el => {
      el.dataset.field = 'units[' + i + '].' + el.dataset.unit;
      el.setAttribute('aria-label', '第 ' + (i + 1) + ' 行 ' + el.dataset.label);
    });
    tr.querySelector('.remove-unit').setAttribute('aria-label', '删除第 ' + (i + 1) + ' 行');
  });
}

/**
 * Word import: the service reads the file and answers a preview; nothing is saved until confirmed, and then the
 * same file is sent to be written (sections, units table, tables and figures at their places).
 */
function wireImport(editor, reportId, apply) {
  const button = document.getElementById('import-preview');
  const dialog = document.getElementById('import-dialog');
  const confirmButton = document.getElementById('import-confirm');
  let preview = null;
  let previewed = null;
  button.addEventListener('click', async () => {
    const file = document.getElementById('import-file').files[0];
    const box = document.getElementById('import-problem');
    box.textContent = '';
    if (!file) { box.textContent = '请先选择一个 Word（.docx）文件'; return; }
    try {
      preview = await api('POST', '/api/reports/' + reportId + '/import', file, 'application/octet-stream');
      previewed = file;
    } catch (e) {
      box.textContent = e.problem.detail;
      return;
    }
    const list = document.getElementById('import-sections');
    list.innerHTML = '';
    editor.querySelectorAll('textarea[data-section]').forEach(ta => {
      const text = (preview.sections || {})[ta.dataset.section];
      const li = document.createElement('li');
      const from = (preview.sourceHeadings || {})[ta.dataset.section];
      li.textContent = ta.dataset.heading + '：' + (text ? [...text].length + ' 字 — ' + text.slice(0, 60) + (text.length > 60 ? '…' : '') : from ? '标题下没有正文（保留现有内容）' : '未识别（保留现有内容）')
        + (from ? '（来自文件中的标题“' + from + '”）' : '');
      list.appendChild(li);
    });
    document.getElementById('import-units').textContent = '优势单位表：识别到 ' + (preview.units || []).length + ' 行'
      + ((preview.units || []).length ? '（将替换现有表格）' : '（保留现有表格）');
    const hints = document.getElementById('import-hints');
    hints.innerHTML = '';
    (preview.numberingHints || []).forEach(h => {
      const ta = editor.querySelector('textarea[data-section="' + h.section + '"]');
      const li = document.createElement('li');
      li.textContent = (ta ? ta.dataset.heading + '：' : '') + h.message;
      hints.appendChild(li);
    });
    hints.hidden = !hints.children.length;
    const other = document.getElementById('import-other-region');
    other.innerHTML = '';
    (preview.otherRegion || []).forEach(text => { const li = document.createElement('li'); li.textContent = text; other.appendChild(li); });
    other.hidden = !other.children.length;
    const exhibits = preview.exhibits || [];
    const headingOf = key => { const ta = editor.querySelector('textarea[data-section="' + key + '"]'); return ta ? ta.dataset.heading : key; };
    const tables = exhibits.filter(x => x.kind === 'TABLE').length;
    const figures = exhibits.length - tables;
    const refused = exhibits.filter(x => x.problem);
    document.getElementById('import-exhibits').textContent = exhibits.length
      ? '表格和图片：将放入 ' + tables + ' 个表格、' + figures + ' 张图片（在原文中的位置）' + (exhibits.some(x => !x.captionFound) ? '；没有“表N”“图N”题注的，导入后请在编辑页补充题注' : '') + '：'
      : '文件的章节中没有可放入的表格或图片。';
    const exList = document.getElementById('import-exhibit-list');
    exList.innerHTML = '';
    exhibits.forEach(x => {
      const li = document.createElement('li');
      li.textContent = x.kindLabel + '：' + x.caption + '（' + headingOf(x.section) + '，' + (x.afterLine ? '第 ' + x.afterLine + ' 行之后' : '开头') + '；'
        + (x.kind === 'TABLE' ? x.rows.length + ' 行 × ' + x.rows[0].length + ' 列' : x.problem ? '不能导入：' + x.problem : x.width + '×' + x.height + ' 像素') + '）';
      if (x.problem) li.className = 'problem';
      exList.appendChild(li);
    });
    confirmButton.disabled = refused.length > 0;
    confirmButton.title = refused.length ? '有 ' + refused.length + ' 张图片不能导入：请在 Word 中删除或替换后重新选择文件' : '';
    const notPlaced = preview.notPlaced || [];
    document.getElementById('import-unrecognised').textContent = (refused.length
      ? '有 ' + refused.length + ' 张图片不能导入（见上），整份文件暂不能导入：请在 Word 中删除或替换这些图片后重新预览。' : '')
      + (notPlaced.length ? '以下 ' + notPlaced.length + ' 项没有导入（见各项原因），请核对后自行处理：' : '文件中的文字、表格和图片已全部归入章节或优势单位表。');
    const npList = document.getElementById('import-not-placed');
    npList.innerHTML = '';
    notPlaced.forEach(n => {
      const li = document.createElement('li');
      li.textContent = n.kind + '：' + (n.text ? n.text.slice(0, 80) + (n.text.length > 80 ? '…' : '') + ' — ' : '') + n.where;
      npList.appendChild(li);
    });
    dialog.showModal();
  });
  confirmButton.addEventListener('click', async () => {
    dialog.close();
    if (!preview || !previewed) return;
    const box = document.getElementById('import-problem');
    box.textContent = '';
    try {
      await apply(previewed);
    } catch (e) {
      box.textContent = '未导入：' + e.problem.detail;
      return;
    }
    showImportResult(editor, preview);
  });
  document.getElementById('import-cancel').addEventListener('click', () => dialog.close());
}

/** A units row with something typed in it is removed only after the clerk confirms. */
function confirmUnitRemoval(tr) {
  const values = [...tr.querySelectorAll('[data-unit]')].map(el => el.value.trim()).filter(v => v);
  if (!values.length) return true;
  const name = tr.querySelector('[data-unit="name"]').value.trim();
  return confirm('删除第 ' + tr.querySelector('.row-no').textContent + ' 行' + (name ? '“' + name + '”' : '')
    + '吗？删除后自动保存，该行内容将从报告中去掉。');
}

/** After a Word import, the page says at once what was filled and what was not (no reload follows). */
function showImportResult(editor, preview) {
  const sections = preview.sections || {};
  const exhibits = preview.exhibits || [];
  const filledKeys = new Set(Object.keys(sections).filter(k => sections[k]));
  exhibits.forEach(x => filledKeys.add(x.section));
  // Only sections that must be written: the optional note under the units table is not "missing".
  const empty = [...editor.querySelectorAll('textarea[data-section]')]
    .filter(ta => !filledKeys.has(ta.dataset.section) && ta.getAttribute('aria-required') === 'true').map(ta => ta.dataset.heading);
  const box = document.getElementById('flash');
  const units = (preview.units || []).length;
  const tables = exhibits.filter(x => x.kind === 'TABLE').length;
  const figures = exhibits.length - tables;
  const notPlaced = preview.notPlaced || [];
  const skippedTables = notPlaced.filter(n => n.kind.startsWith('表格')).length;
  const skippedFigures = notPlaced.filter(n => n.kind === '图片').length;
  const skippedText = notPlaced.length - skippedTables - skippedFigures;
  const skipped = [skippedText ? skippedText + ' 段文字' : '', skippedTables ? skippedTables + ' 个表格' : '', skippedFigures ? skippedFigures + ' 张图片' : '']
    .filter(x => x).join('、');
  box.textContent = '已导入 Word 内容并保存为草稿：填入 ' + filledKeys.size + ' 个章节'
    + (units ? '、' + units + ' 行优势单位' : '（优势单位表未变）')
    + '，放入 ' + tables + ' 个表格、' + figures + ' 张图片'
    + (skipped ? '；未导入 ' + skipped + '（原因见导入预览）' : '') + '。'
    + (empty.length ? '以下章节未从文件中填入，保留原内容：' + empty.join('；') + '。' : '必填的章节都已填入。');
  box.setAttribute('tabindex', '-1');
  box.focus();
}

/**
 * Downloads (Word, Excel: every link into /api on a page) are fetched by the page, so that the clerk sees
 * they are being prepared (the link is marked busy, a status line counts the seconds) and when they are done;
 * a refusal shows the service's own message instead of a blank page.
 */
function wireDownloads() {
  document.querySelectorAll('a[href^="/api/"]').forEach(link => {
    link.addEventListener('click', async event => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      if (link.getAttribute('aria-busy') === 'true') return;
      let status = link.nextElementSibling;
      if (!status || !status.classList.contains('download-status')) {
        status = document.createElement('span');
        status.className = 'download-status muted';
        status.setAttribute('role', 'status');
        link.insertAdjacentElement('afterend', status);
      }
      const started = Date.now();
      const seconds = () => Math.max(1, Math.round((Date.now() - started) / 1000));
      link.setAttribute('aria-busy', 'true');
      link.classList.add('busy');
      status.textContent = '正在生成“' + link.textContent.trim() + '”，请稍候…';
      const timer = setInterval(() => {
        if (!status.textContent.includes('完成后自动下载')) status.textContent = '正在生成“' + link.textContent.trim() + '”，已用 ' + seconds() + ' 秒…';
      }, 1000);
      try {
        let response = await fetch(link.href, { credentials: 'same-origin' });
        // 202: made in the background (the compilation); its progress until the file is ready.
        while (response.status === 202) {
          let pending = null;
          try { pending = await response.json(); } catch (e) { pending = null; }
          status.textContent = ((pending && pending.detail) || '正在生成') + '（已用 ' + seconds() + ' 秒），完成后自动下载…';
          const wait = Math.min(30, Math.max(1, parseInt(response.headers.get('Retry-After'), 10) || 3));
          await new Promise(resolve => setTimeout(resolve, wait * 1000));
          response = await fetch(link.href, { credentials: 'same-origin' });
        }
        if (!response.ok) {
          let problem = null;
          try { problem = await response.json(); } catch (e) { problem = null; }
          throw new Error((problem && problem.detail) || '下载未成功（' + response.status + '）');
        }
        const blob = await response.blob();
        const name = fileName(response.headers.get('Content-Disposition')) || 'download';
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 60000);
        status.textContent = '已生成：' + name + '（用时 ' + seconds() + ' 秒），请在浏览器的下载中查看。';
      } catch (e) {
        status.textContent = e.message && !e.message.startsWith('Failed') ? e.message : '无法连接服务器，请稍后重试。';
        status.classList.add('late');
      } finally {
        clearInterval(timer);
        link.removeAttribute('aria-busy');
        link.classList.remove('busy');
      }
    });
  });
}

/** The compilation's status line on the institute's page: while a build runs, asked again every 3 s; reloaded when it ends. */
function wireCompilationStatus() {
  const line = document.getElementById('compilation-status');
  if (!line || !line.dataset.running) return;
  const poll = async () => {
    try {
      const s = await api('GET', line.dataset.statusUrl);
      if (s.running) {
        line.textContent = s.message;
        setTimeout(poll, 3000);
      } else {
        location.reload();
      }
    } catch (e) {
      line.textContent = ((e.problem && e.problem.detail) || '无法获取生成进度');
    }
  };
  setTimeout(poll, 3000);
}

/** The file name a download answer gives (RFC 6266: filename* in UTF-8 first). */
function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) { try { return decodeURIComponent(star[1].trim()); } catch (e) { /* fall through */ } }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

function wirePrint() {
  document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
}

document.addEventListener('DOMContentLoaded', () => {
  showFlash();
  wireLogin();
  wireLogout();
  wireApiForms();
  // The API forms now send as they should: their buttons take clicks (app.css, .wiring).
  document.documentElement.classList.remove('wiring');
  wirePilotRows();
  wireCountdowns();
  wireEditor();
  wireDownloads();
  wireCompilationStatus();
  wirePrint();
  if (document.getElementById('units-body')) renumber();
});
