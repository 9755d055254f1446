// HetaoSite search: loaded by site.js on first use. Fetches data/search-index.json once, then answers queries by
// intersecting character-bigram posting lists (see SearchIndex.cs) and checking the text really contains the query.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form || form.getAttribute('data-ready')) { return; }
  form.setAttribute('data-ready', '1');
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var root = form.getAttribute('data-root');
  var index = null;
  var loading = null;
  var word = /[\p{L}\p{N}]/u;
  var limit = 30;

  function normalise(text) {
    return Array.from(text.toLowerCase()).filter(function (c) { return word.test(c); }).join('');
  }

  // Same rule as SearchIndex.Bigrams: pairs of adjacent letters or digits.
  function bigrams(text) {
    var chars = Array.from(text.toLowerCase());
    var result = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      if (word.test(chars[i]) && word.test(chars[i + 1])) { result.push(chars[i] + chars[i + 1]); }
    }
    return result;
  }

  function load() {
    if (!loading) {
      status.textContent = form.getAttribute('data-loading');
      loading = fetch(form.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (json) { index = json; })
        .catch(function () { status.textContent = form.getAttribute('data-failed'); loading = null; });
    }
    return loading;
  }

  function candidates(query) {
    var grams = bigrams(query);
    if (grams.length === 0) {
      return index.docs.map(function (_, i) { return i; });
    }
    // A bigram in too many docs is listed in index.common without postings: it narrows nothing, so skip it (run()
    // checks the text of every candidate anyway).
    var common = index.common || [];
    var lists = [];
    for (var i = 0; i < grams.length; i++) {
      if (common.indexOf(grams[i]) >= 0) { continue; }
      var posting = index.bigrams[grams[i]];
      if (!posting) { return []; }
      lists.push(posting);
    }
    if (lists.length === 0) {
      return index.docs.map(function (_, i) { return i; });
    }
    lists.sort(function (a, b) { return a.length - b.length; });
    return lists[0].filter(function (id) {
      return lists.every(function (l) { return binaryHas(l, id); });
    });
  }

  function binaryHas(sorted, value) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) { return true; }
      if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid - 1; }
    }
    return false;
  }

  function run() {
    var query = input.value.trim();
    list.textContent = '';
    if (!query) { status.textContent = ''; return; }
    if (!index) { load().then(function () { if (index) { run(); } }); return; }
    var needle = normalise(query);
    var script = Math.max(0, index.scripts.indexOf(form.getAttribute('data-lang')));
    var order = { e: 0, a: 1, s: 2 };
    var hits = candidates(query).filter(function (id) {
      return !needle || index.docs[id].t.some(function (t) { return normalise(t).indexOf(needle) >= 0; });
    });
    hits.sort(function (a, b) { return (order[index.docs[a].k] - order[index.docs[b].k]) || (a - b); });
    status.textContent = hits.length
      ? form.getAttribute('data-results').replace('{n}', hits.length)
      : form.getAttribute('data-none');
    hits.slice(0, limit).forEach(function (id) {
      var doc = index.docs[id];
      var li = document.createElement('li');
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = form.getAttribute('data-kind-' + doc.k);
      var link = document.createElement('a');
      link.href = root + doc.p;
      link.textContent = doc.t[script] || doc.t[0];
      li.appendChild(kind);
      li.appendChild(link);
      if (doc.a !== undefined) {
        var context = document.createElement('span');
        context.className = 'context';
        var article = index.docs[doc.a];
        context.textContent = article.t[script] || article.t[0];
        li.appendChild(context);
      }
      list.appendChild(li);
    });
  }

  var timer = 0;
  input.addEventListener('input', function () { window.clearTimeout(timer); timer = window.setTimeout(run, 120); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  load().then(run);
})();
