// HetaoSite search: loaded by site.js on first use. Fetches the small manifest (data/search-index.json) once; for each
// query only the posting shards of its bigrams, then the fragment chunks of the results shown, in the page's script.
// The rules (folding, bigrams, shard hash, file names) are those of SearchShards.cs, SearchFold.cs and SearchIndex.cs.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form || form.getAttribute('data-ready')) { return; }
  form.setAttribute('data-ready', '1');
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var more = document.getElementById('search-more');
  var root = form.getAttribute('data-root');
  var manifestUrl = form.getAttribute('data-index');
  var folder = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1) + 'search/';
  var word = /^[\p{L}\p{Nd}]$/u; // Rune.IsLetterOrDigit: letters and decimal digits
  var pageSize = 10;
  var snippetLength = 80;
  var manifest = null;
  var starts = []; // starts[c]: the first doc of fragment chunk c (manifest.chunks holds each chunk's count of docs)
  var foldMap = {};
  var script = 0;
  var loading = null;
  var files = {};
  var current = null; // the query being shown: {needle, candidates, next, shown, rejected, exact}
  var sequence = 0;

  function text(name) { return form.getAttribute('data-' + name) || ''; }

  function get(url, options) {
    if (!files[url]) {
      files[url] = fetch(url, options).then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }

  // A manifest kept by a cache from before the site was rebuilt names shards that are gone, or is of an older format:
  // then it is fetched again, past the cache, once.
  var refreshed = false;

  function load(fresh) {
    if (!loading) {
      loading = get(manifestUrl, fresh ? { cache: 'no-cache' } : undefined).then(function (json) {
        if (json.version !== 3) { throw new Error(manifestUrl + ': format ' + json.version + ', not 3'); }
        manifest = json;
        starts = [0];
        json.chunks.forEach(function (n) { starts.push(starts[starts.length - 1] + n); });
        foldMap = {};
        var from = Array.from(json.fold[0]);
        var to = Array.from(json.fold[1]);
        from.forEach(function (c, i) { foldMap[c] = to[i]; });
        script = Math.max(0, json.scripts.indexOf(form.getAttribute('data-lang')));
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // Lower-cased, then folded to one script, one code point for one (SearchFold).
  function fold(c) {
    var lower = c.toLowerCase();
    return foldMap[lower] || lower;
  }

  // The letters and digits of a text, folded, with where each is among the text's code points.
  function normalise(value) {
    var chars = Array.from(value);
    var folded = [];
    var at = [];
    chars.forEach(function (c, i) {
      if (word.test(c)) { folded.push(fold(c)); at.push(i); }
    });
    return { chars: chars, folded: folded, at: at };
  }

  // Same rule as SearchIndex.Bigrams over folded text: pairs of adjacent letters or digits; anything else splits.
  function bigrams(query) {
    var chars = Array.from(query).map(fold);
    var seen = {};
    var result = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var gram = chars[i] + chars[i + 1];
      if (word.test(chars[i]) && word.test(chars[i + 1]) && !seen[gram]) { seen[gram] = true; result.push(gram); }
    }
    return result;
  }

  // SearchShards.Hash: FNV-1a, 32 bits, over UTF-16 code units.
  function shardOf(gram) {
    var hash = 2166136261;
    for (var i = 0; i < gram.length; i++) { hash = Math.imul(hash ^ gram.charCodeAt(i), 16777619) >>> 0; }
    return hash % manifest.shards;
  }

  function postings(shard) { return get(folder + 'p-' + shard + '-' + manifest.postings[shard] + '.json'); }

  function chunk(index) {
    var lang = manifest.scripts[script].toLowerCase();
    return get(folder + lang + '-' + manifest.fragments[script][index] + '.json');
  }

  // SearchShards.FragmentOf: the last chunk that starts at or before the doc.
  function chunkOf(doc) {
    var low = 0;
    var high = starts.length - 2;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= doc) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  // A posting list is the first doc id, then the gaps to each next one.
  function decode(gaps) {
    var ids = new Array(gaps.length);
    var id = 0;
    for (var i = 0; i < gaps.length; i++) { id += gaps[i]; ids[i] = id; }
    return ids;
  }

  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    return lists.slice(1).reduce(function (result, other) {
      var out = [];
      var j = 0;
      for (var i = 0; i < result.length; i++) {
        while (j < other.length && other[j] < result[i]) { j++; }
        if (j < other.length && other[j] === result[i]) { out.push(result[i]); }
      }
      return out;
    }, lists[0]);
  }

  // Where the needle's letters are in the text: [first, last] code point indexes of each match.
  function matches(value, needle) {
    var norm = normalise(value);
    var found = [];
    for (var i = 0; i + needle.length <= norm.folded.length; i++) {
      var k = 0;
      while (k < needle.length && norm.folded[i + k] === needle[k]) { k++; }
      if (k === needle.length) { found.push([norm.at[i], norm.at[i + k - 1]]); i += k - 1; }
    }
    return { chars: norm.chars, found: found };
  }

  // Appends the code points [from, to) of chars to parent, each match inside a <mark>.
  function appendMarked(parent, chars, found, from, to) {
    var at = from;
    found.forEach(function (m) {
      if (m[0] < from || m[1] >= to) { return; }
      parent.appendChild(document.createTextNode(chars.slice(at, m[0]).join('')));
      var mark = document.createElement('mark');
      mark.textContent = chars.slice(m[0], m[1] + 1).join('');
      parent.appendChild(mark);
      at = m[1] + 1;
    });
    parent.appendChild(document.createTextNode(chars.slice(at, to).join('')));
  }

  function render(doc, hit) {
    var li = document.createElement('li');
    var kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = text('kind-' + doc.k);
    var link = document.createElement('a');
    link.href = root + doc.p;
    li.appendChild(kind);
    li.appendChild(link);
    if (doc.t === undefined) {
      appendMarked(link, hit.chars, hit.found, 0, hit.chars.length);
    } else {
      link.textContent = doc.h;
    }
    if (doc.d) {
      var time = document.createElement('time');
      time.className = 'date';
      time.setAttribute('datetime', doc.d);
      time.textContent = (doc.approx ? text('approximate') + ' ' : '') + doc.dt;
      li.appendChild(time);
    }
    if (doc.t !== undefined) {
      var snippet = document.createElement('p');
      snippet.className = 'snippet';
      var first = hit.found.length ? hit.found[0][0] : 0;
      var from = Math.max(0, Math.min(first - 20, hit.chars.length - snippetLength));
      var to = Math.min(hit.chars.length, from + snippetLength);
      if (from > 0) { snippet.appendChild(document.createTextNode('…')); }
      appendMarked(snippet, hit.chars, hit.found, from, to);
      if (to < hit.chars.length) { snippet.appendChild(document.createTextNode('…')); }
      li.appendChild(snippet);
    }
    return li;
  }

  function announce() {
    var total = current.candidates.length - current.rejected;
    var exact = current.exact || current.next >= current.candidates.length;
    status.textContent = total === 0 ? text('none') : text(exact ? 'results' : 'results-about').replace('{n}', total);
    more.hidden = current.next >= current.candidates.length;
  }

  // Shows the next page of results: fetches the chunks of the next candidates, keeps those whose text really holds the
  // query (its bigrams may all occur apart), and goes on until the page is full or the candidates run out.
  function showPage(id) {
    current.target = current.shown + pageSize;
    return fill(id);
  }

  function fill(id) {
    var query = current;
    var batch = query.candidates.slice(query.next, query.next + query.target - query.shown);
    query.next += batch.length;
    var chunks = {};
    batch.forEach(function (doc) { chunks[chunkOf(doc)] = true; });
    var needed = Object.keys(chunks).map(Number);
    return Promise.all(needed.map(chunk)).then(function (loaded) {
      if (id !== sequence) { return; }
      var byIndex = {};
      needed.forEach(function (c, i) { byIndex[c] = loaded[i]; });
      batch.forEach(function (doc) {
        var c = chunkOf(doc);
        var fragment = byIndex[c][doc - starts[c]];
        var hit = matches(fragment.t === undefined ? fragment.h : fragment.t, query.needle);
        if (hit.found.length === 0) { query.rejected++; return; }
        list.appendChild(render(fragment, hit));
        query.shown++;
      });
      if (query.shown < query.target && query.next < query.candidates.length) { return fill(id); }
      announce();
    });
  }

  function failed() { status.textContent = text('failed'); more.hidden = true; }

  function retryOrFail() {
    if (refreshed) { failed(); return; }
    refreshed = true;
    manifest = null;
    loading = null;
    files = {};
    load(true).then(run, failed);
  }

  function run() {
    var value = input.value.trim();
    var id = ++sequence;
    list.textContent = '';
    more.hidden = true;
    if (!value) { status.textContent = ''; return; }
    if (!manifest) {
      status.textContent = text('loading');
      load().then(function () { if (id === sequence) { run(); } }, retryOrFail);
      return;
    }
    var grams = bigrams(value);
    var needle = normalise(value).folded;
    if (grams.length === 0) { status.textContent = text('short'); return; }
    var shards = {};
    grams.forEach(function (g) { shards[shardOf(g)] = true; });
    var needed = Object.keys(shards).map(Number);
    Promise.all(needed.map(postings)).then(function (loaded) {
      if (id !== sequence) { return; }
      var byShard = {};
      needed.forEach(function (s, i) { byShard[s] = loaded[i]; });
      var lists = grams.map(function (g) { var gaps = byShard[shardOf(g)][g]; return gaps ? decode(gaps) : []; });
      // One bigram: every doc listed holds the query. More: each candidate's text is checked as it is shown.
      current = { needle: needle, candidates: intersect(lists), next: 0, shown: 0, target: 0, rejected: 0, exact: grams.length === 1 && needle.length === 2 };
      if (current.candidates.length === 0) { announce(); return; }
      return showPage(id);
    }).catch(retryOrFail);
  }

  var timer = 0;
  input.addEventListener('input', function () { window.clearTimeout(timer); timer = window.setTimeout(run, 120); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  more.addEventListener('click', function () {
    var id = sequence;
    var firstNew = list.children.length;
    showPage(id).then(function () {
      // Keyboard users continue from the first new result.
      var next = list.children[firstNew];
      var link = next && next.querySelector('a');
      if (link) { link.focus(); }
    }).catch(retryOrFail);
  });
  load().then(run, retryOrFail);
})();
