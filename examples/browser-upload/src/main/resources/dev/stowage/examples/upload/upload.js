// Uploads the chosen file straight to the bucket with a ticket from this page's server:
//   1. POST ticket {name, contentType, size} -> {method, url, headers, path, scope, expiresAt}
//   2. send the file to ticket.url with exactly ticket.headers (XMLHttpRequest, for progress)
//   3. GET url?path=... -> a public or temporary link to the uploaded file
// window.stowage.last is a promise of the latest upload's outcome: {ok, path, url, kind, error};
// window.stowage.prepare is exposed so that tests can check the SHA-1 handling on its own.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { last: null };
  window.stowage = state;

  // Headers a page may not set; the browser derives them itself.
  const FORBIDDEN = new Set(['content-length', 'host', 'connection', 'expect', 'accept-encoding']);
  // Values of X-Bz-Content-Sha1 that B2 accepts as they are.
  const SHA1_AS_IS = /^([0-9a-f]{40}|do_not_verify|unverified:[0-9a-f]{40})$/i;

  function status(s, text) {
    const el = $('status');
    el.dataset.state = s;
    el.textContent = text;
  }

  function progress(fraction) {
    const pct = Math.floor(fraction * 100);
    $('progress').value = pct;
    $('percent').textContent = pct + '%';
  }

  async function json(response, what) {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || (what + ' failed: HTTP ' + response.status));
    }
    return body;
  }

  async function requestTicket(file, contentType) {
    const response = await fetch('ticket', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: file.name, contentType, size: file.size }),
    });
    return json(response, 'the ticket request');
  }

  async function sha1Hex(blob) {
    // crypto.subtle needs a secure context: https, or http on localhost / 127.0.0.1.
    const digest = await crypto.subtle.digest('SHA-1', await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // Returns the headers and body to send: B2 native tickets may ask the page for the SHA-1 of
  // the file, either in X-Bz-Content-Sha1 or as 40 hex digits after the body.
  async function prepare(ticket, file) {
    const headers = {};
    let body = file;
    for (const [name, value] of Object.entries(ticket.headers || {})) {
      if (FORBIDDEN.has(name.toLowerCase())) continue;
      headers[name] = value;
    }
    const shaHeader = Object.keys(headers).find((h) => h.toLowerCase() === 'x-bz-content-sha1');
    if (shaHeader) {
      const value = headers[shaHeader];
      if (value.toLowerCase() === 'hex_digits_at_end') {
        body = new Blob([file, await sha1Hex(file)], { type: file.type });
      } else if (!SHA1_AS_IS.test(value)) {
        headers[shaHeader] = await sha1Hex(file);
      }
    }
    return { headers, body };
  }

  function send(ticket, headers, body) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(ticket.method, ticket.url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress(e.loaded / e.total); };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(xhr);
        else reject(new Error('the bucket refused the upload: HTTP ' + xhr.status + ' '
            + (xhr.responseText || '').slice(0, 200)));
      };
      // A CORS refusal shows up only as a network error: the page learns nothing more.
      xhr.onerror = () => reject(new Error(
          'the upload was blocked: the bucket does not allow this page\'s origin (CORS), or it is unreachable'));
      xhr.send(body);
    });
  }

  async function upload(file) {
    const contentType = file.type || 'application/octet-stream';
    let path = null;
    try {
      status('working', 'Asking for an upload ticket…');
      progress(0);
      const ticket = await requestTicket(file, contentType);
      path = ticket.path;
      $('scope').textContent = ticket.scope === 'bucket'
          ? 'This ticket could upload any name in the bucket until ' + ticket.expiresAt + '.'
          : 'This ticket uploads only ' + ticket.path + ', until ' + ticket.expiresAt + '.';
      status('working', 'Uploading ' + file.name + '…');
      const { headers, body } = await prepare(ticket, file);
      await send(ticket, headers, body);
      progress(1);
      const link = await json(await fetch('url?path=' + encodeURIComponent(path)), 'the link request');
      const a = $('result');
      a.href = link.url;
      a.textContent = (link.kind === 'public' ? 'Public link' : 'Temporary link') + ' to ' + path;
      a.hidden = false;
      status('done', 'Uploaded ' + file.name + ' (' + link.size + ' bytes).');
      return { ok: true, path, url: link.url, kind: link.kind };
    } catch (e) {
      status('failed', 'Upload failed: ' + e.message);
      return { ok: false, path, error: e.message };
    }
  }

  state.prepare = prepare;

  $('file').addEventListener('change', () => { $('upload').disabled = !$('file').files.length; });
  $('upload').addEventListener('click', () => {
    const file = $('file').files[0];
    if (file) state.last = upload(file);
  });
})();
