/* dlref search: queries as readers type them (dlref_docs/search/ranking.py writes this file,
 * after the DLREF_SEARCH data, to _static/dlref_search.js; the search page loads it deferred,
 * after searchtools.js and language_data.js).
 *
 * - 활성화함수 finds what 활성화 함수 finds: compounds of the term sheet are split on both sides
 *   (korean_search.py splits the page text the same way); other spaceless queries are split
 *   into words of the index.
 * - Variants of the term sheet (과적합, 렐루, 아담) and, on the Korean site, the English term
 *   (learning rate) are rewritten to the site's term (과대적합, ReLU, Adam, 학습률).
 * - A page whose title or headings hold the query ranks above pages that only mention it.
 * - Queries of only particles or punctuation, and very long queries, give no result.
 *
 * Why not a maintained search (lunr.js, a search service): they need their own index on top of
 * Sphinx's, which would double the download, or a server, which the offline site cannot use.
 */
(function () {
  "use strict";
  if (typeof Search === "undefined" || typeof DLREF_SEARCH === "undefined") return;

  // Sphinx's progress dots (Search.startPulse) never stop: stopPulse sets the status to -1,
  // but the tick already queued turns it back to 0 and queues the next one, so the dots
  // animate after the results are listed and the page never reports the search finished.
  // Each tick checks the status before it moves on.
  Search.startPulse = function () {
    if (Search._pulse_status >= 0) return;
    var pulse = function () {
      if (Search._pulse_status < 0) { Search.dots.innerText = ""; return; }
      Search._pulse_status = (Search._pulse_status + 1) % 4;
      Search.dots.innerText = ".".repeat(Search._pulse_status);
      window.setTimeout(pulse, 500);
    };
    Search._pulse_status = 0;
    Search.dots.innerText = "";
    window.setTimeout(pulse, 500);
  };
  var data = DLREF_SEARCH;
  var MAX_QUERY_CHARS = 200; // longer input is not a query someone typed: no result
  var MAX_SEGMENT_CHARS = 24; // spaceless words longer than this are not split
  // Words of this script lose their endings (particles), with the table of the language's
  // data file (dlref_docs/languages/<code>.toml), as the index did in Python.
  var hangul = new RegExp("[" + data.script + "]");
  var particleOnly = new Set(data.particles.map(function (p) { return p[0]; }));

  var stripParticle = function (word) {
    var stripped = true;
    while (stripped) {
      stripped = false;
      for (var i = 0; i < data.particles.length; i++) {
        var p = data.particles[i][0], keep = data.particles[i][1];
        if (word.length - p.length >= keep && word.slice(-p.length) === p) {
          word = word.slice(0, word.length - p.length);
          stripped = true;
          break;
        }
      }
    }
    return word;
  };
  // True for a word made only of particles (을를, 에서는): nothing to search for.
  var onlyParticles = function (word) {
    var ends = [true];
    for (var end = 1; end <= word.length; end++) {
      ends[end] = false;
      for (var start = Math.max(0, end - 3); start < end && !ends[end]; start++) {
        ends[end] = ends[start] && particleOnly.has(word.slice(start, end));
      }
    }
    return ends[word.length];
  };
  var squash = function (text) { return text.toLowerCase().replace(/[\s\-_]+/g, ""); };
  var inIndex = function (stem) {
    var index = Search._index;
    return !!index && (Object.prototype.hasOwnProperty.call(index.terms, stem)
      || Object.prototype.hasOwnProperty.call(index.titleterms, stem));
  };

  // The stemmer of a search language with endings (language.py) calls this.
  window.dlrefStem = function (word, english) {
    if (hangul.test(word)) {
      word = stripParticle(word);
      if (hangul.test(word)) return word;
    }
    return english.stemWord(word);
  };

  var theStemmer = null;
  var stemmer = function () { return theStemmer || (theStemmer = new Stemmer()); };
  var indexed = function (word) {
    var stem = hangul.test(word) ? stripParticle(word) : stemmer().stemWord(word.toLowerCase());
    return inIndex(stem);
  };

  // Split a spaceless Hangul word into the fewest words of the index (dynamic programming).
  var segment = function (word) {
    if (word.length > MAX_SEGMENT_CHARS || !Search._index) return null;
    var best = [[]];
    for (var end = 1; end <= word.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - 12); start <= end - 2; start++) {
        if (best[start] && inIndex(word.slice(start, end))) {
          var candidate = best[start].concat([word.slice(start, end)]);
          if (!best[end] || candidate.length < best[end].length) best[end] = candidate;
        }
      }
    }
    var found = best[word.length];
    return found && found.length > 1 ? found : null;
  };

  // The words of a query: compounds split, particles-only words dropped.
  var splitWords = function (query) {
    var words = [];
    query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).forEach(function (word) {
      if (!word || onlyParticles(word)) return;
      if (!hangul.test(word)) { words.push(word); return; }
      var base = stripParticle(word);
      if (Object.prototype.hasOwnProperty.call(data.synonyms, squash(base))) {
        words.push(word); // a variant of the term sheet: rewrite() replaces it whole
        return;
      }
      var parts = data.compounds[base];
      if (!parts && !inIndex(base)) parts = segment(base);
      if (parts) words.push.apply(words, parts);
      else words.push(word);
    });
    return words;
  };

  // Rewrite spans of words that are a term-sheet variant to the site's term.  When the typed
  // words are in the index too (softmax on the Korean site), they are searched as well:
  // rewrite.alternative keeps them, and performTermsSearch below adds their pages.
  var rewrite = function (words) {
    var out = [], alternative = [], both = false;
    for (var i = 0; i < words.length;) {
      var matched = false;
      for (var j = Math.min(words.length, i + 5); j > i; j--) {
        var span = words.slice(i, j);
        var key = squash(span.map(stripParticle).join(""));
        var entry = Object.prototype.hasOwnProperty.call(data.synonyms, key) && data.synonyms[key];
        // entry = [the site's term, also for words the index has]: a variant that is a real
        // word of the site (SGD, Dense) is not rewritten; an English term is, and kept.
        var typedIndexed = entry && span.every(indexed);
        if (entry && (entry[1] || !typedIndexed)) {
          out.push.apply(out, entry[0].split(/\s+/));
          alternative.push.apply(alternative, span);
          both = both || typedIndexed;
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) {
        alternative.push(words[i]);
        out.push(words[i++]);
      }
    }
    rewrite.alternative = both ? alternative : null;
    return out;
  };


  // What the scorer needs of the current query, computed once per query (not per result).
  var current = { stems: [], titleHits: new Map(), headingHits: new Set(), counts: new Map() };
  // Squashed titles and term counts, computed once for the index (not on every query).
  var squashed = null;
  var squashIndex = function (index) {
    var headings = Object.keys(index.alltitles).map(function (title) {
      return [squash(title), index.alltitles[title].map(function (hit) { return hit[0]; })];
    });
    var counts = new Map();
    Object.keys(data.counts).forEach(function (term) {
      var hits = data.counts[term], files = new Map();
      for (var i = 0; i < hits.length; i += 2) {
        files.set(index.docnames.indexOf(data.docs[hits[i]]), hits[i + 1]);
      }
      counts.set(squash(term), files);
    });
    var files = new Map(index.docnames.map(function (name, file) { return [name, file]; }));
    return { titles: index.titles.map(squash), headings: headings, counts: counts, files: files };
  };
  var prepare = function (words) {
    var index = Search._index;
    if (!squashed || squashed.index !== index) {
      squashed = squashIndex(index);
      squashed.index = index;
    }
    var phrase = squash(words.map(stripParticle).join(""));
    current = { stems: words.map(function (w) { return stemmer().stemWord(w.toLowerCase()); }),
                titleHits: new Map(), headingHits: new Set(),
                counts: squashed.counts.get(phrase) || new Map() };
    if (!phrase) return;
    squashed.titles.forEach(function (title, file) {
      if (title.indexOf(phrase) !== -1) current.titleHits.set(file, phrase.length / title.length);
    });
    squashed.headings.forEach(function (heading) {
      if (heading[0].indexOf(phrase) === -1) return;
      heading[1].forEach(function (file) { current.headingHits.add(file); });
    });
  };

  var parseQuery = Search._parseQuery;
  Search._parseQuery = function (query) {
    rewrite.alternative = null;
    var words = query.length > MAX_QUERY_CHARS ? [] : rewrite(splitWords(query.trim()));
    var phrase = words.join(" ");
    prepare(words);
    var parsed = parseQuery(phrase);
    parsed[0] = phrase;
    return parsed;
  };
  var termsSearch = Search.performTermsSearch;
  Search.performTermsSearch = function (searchTerms, excludedTerms) {
    var results = termsSearch(searchTerms, excludedTerms);
    if (!rewrite.alternative) return results;
    var typed = new Set(rewrite.alternative.map(function (w) {
      return stemmer().stemWord(w.toLowerCase());
    }));
    return results.concat(termsSearch(typed, excludedTerms));
  };
  // searchtools.js splits the (rewritten) query once more: keep our words as they are.
  splitQuery = function (query) { return query.split(/\s+/).filter(function (w) { return w; }); };

  // The text a result's snippet is cut from.  Sphinx takes the main block's textContent, in
  // which the words of two adjacent blocks run together ("englishstr영어"), each formula
  // appears three times (KaTeX's MathML, its TeX annotation and its HTML: "LLL은") and the
  // page title (and the theme's breadcrumbs) repeat the result's own link.  Here the text is
  // the article's, each block ends with a space, maths keeps only what is drawn, and the
  // title is left out.
  var BLOCKS = "p, li, dt, dd, h2, h3, h4, h5, h6, pre, td, th, caption, figcaption, div, section";
  // sphinx-gallery's "Go to the end to download the full example code" note opens every
  // example page: it would be the start of every example's snippet.
  Search.htmlToText = function (htmlString, anchor) {
    var doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".headerlink, script, style, .katex-mathml, h1, " +
                         ".sphx-glr-download-link-note").forEach(function (el) {
      el.remove();
    });
    doc.querySelectorAll(BLOCKS).forEach(function (el) { el.append(" "); });
    var main = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    var block = anchor && main ? main.querySelector(anchor) : null;
    var node = block || main;
    if (!node) return "";
    return node.textContent.replace(/\s+/g, " ").trim();
  };

  // For the tests (tests/browser/test_search_as_readers_type.py): index and query must agree.
  window.dlrefSearch = { splitWords: splitWords, rewrite: rewrite, onlyParticles: onlyParticles };

  var has = function (entry, file) {
    return entry !== undefined && (entry === file || (entry.indexOf && entry.indexOf(file) !== -1));
  };
  // A page's score: every query word in a heading counts 15, in the text 5, as a part of a
  // longer word 2; a document title holding the whole query adds 25 to 40 (40 when all of
  // the title is the query), a section heading holding it 25; when the query is a term of the term
  // sheet, 3 per occurrence on the page, at most 40.  Index entries (glossary terms) count 30.
  Scorer.score = function (result) {
    var index = Search._index;
    if (result[6] === "index") return Math.min(result[4], 30);
    if (result[6] !== "text") return result[4];
    var file = squashed.files.get(result[0]);
    var score = 0;
    current.stems.forEach(function (stem) {
      if (has(index.titleterms[stem], file)) score += 15;
      else if (has(index.terms[stem], file)) score += 5;
      else score += 2;
    });
    if (current.titleHits.has(file)) score += 25 + Math.round(15 * current.titleHits.get(file));
    else if (current.headingHits.has(file)) score += 25;
    if (current.counts.has(file)) score += Math.min(40, 3 * current.counts.get(file));
    return score;
  };
})();
