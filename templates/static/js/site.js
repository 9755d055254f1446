// HetaoSite: filters (category/year, reflected in ?category=&year=), year-bar jumps that survive filters, and the
// lazy loader of search.js. Plain ES2017, no dependencies. Without JavaScript the year and category pages do the same.
(function () {
  'use strict';

  var filters = document.getElementById('filters');
  var timeline = document.getElementById('timeline');

  function applyFilters(updateUrl) {
    var category = document.getElementById('filter-category').value;
    var year = document.getElementById('filter-year').value;
    var shown = 0;
    var events = timeline.querySelectorAll('.event');
    events.forEach(function (el) {
      var visible = (!category || el.getAttribute('data-category') === category) &&
        (!year || el.getAttribute('data-year') === year);
      el.hidden = !visible;
      if (visible) { shown++; }
    });
    timeline.querySelectorAll('.month-group, .year-group').forEach(function (group) {
      group.hidden = !group.querySelector('.event:not([hidden])');
    });
    var status = document.getElementById('filter-status');
    status.textContent = (category || year)
      ? filters.getAttribute('data-status').replace('{shown}', shown).replace('{total}', events.length)
      : '';
    if (updateUrl) {
      var params = new URLSearchParams(window.location.search);
      if (category) { params.set('category', category); } else { params.delete('category'); }
      if (year) { params.set('year', year); } else { params.delete('year'); }
      var query = params.toString();
      history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
    }
  }

  function selectValue(select, value) {
    var ok = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = ok ? value : '';
  }

  function clearFilters() {
    selectValue(document.getElementById('filter-category'), '');
    selectValue(document.getElementById('filter-year'), '');
    applyFilters(true);
  }

  // A link to an event (#id) or a year (#y2024) that the filters hide: show everything again, then jump.
  function revealTarget() {
    if (!filters || !window.location.hash) { return; }
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && timeline.contains(target) && (target.hidden || target.closest('[hidden]'))) {
      clearFilters();
      target.scrollIntoView();
    }
  }

  if (filters && timeline) {
    filters.hidden = false;
    var params = new URLSearchParams(window.location.search);
    selectValue(document.getElementById('filter-category'), params.get('category') || '');
    selectValue(document.getElementById('filter-year'), params.get('year') || '');
    applyFilters(false);
    filters.addEventListener('change', function () { applyFilters(true); });
    filters.addEventListener('reset', function () { window.setTimeout(function () { applyFilters(true); }, 0); });
    filters.addEventListener('submit', function (e) { e.preventDefault(); });
    window.addEventListener('hashchange', revealTarget);
    revealTarget();
  }

  // The search index and its code are fetched only when someone starts to search.
  var form = document.getElementById('search-form');
  if (form) {
    form.hidden = false;
    var input = document.getElementById('search-input');
    var requested = false;
    var load = function () {
      if (requested) { return; }
      requested = true;
      var script = document.createElement('script');
      script.src = form.getAttribute('data-script-src');
      script.defer = true;
      document.head.appendChild(script);
    };
    input.addEventListener('focus', load);
    input.addEventListener('input', load);
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
  }
})();
