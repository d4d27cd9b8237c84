/* The search page. Reads and writes ?q=&route=&thema=&doelgroep=&kern=&toegang= so a
 * search can be shared. Backends share one interface:
 *   init(config) -> Promise; search(params) -> Promise<{total, facets, hits}>
 * facets: {name: {value: count}}; hits: [{url, title, samenvatting, soort, toegang, telefoon, tel, status, wachttijd}]
 * (Meilisearch hits may add titleParts/samenvattingParts: [[text, marked]], and afstand in metres).
 * Pagefind is built in; #zoek-config {"backend": "meilisearch", url, index, key} switches to
 * Meilisearch, with Pagefind as the fallback when it errors or takes longer than 1.5 s.
 *
 * Both backends get the same query handling (zoektaal.js): filler words dropped, other
 * forms, corrections ("Bedoelde je: …?"), compounds and synonyms. Pagefind matches every
 * word it is given, so each concept is searched on its own and a page ranks by how many
 * concepts it matches, then by Pagefind's score. Meilisearch gets the meaningful words with
 * matchingStrategy "frequency" and does typos and synonyms itself; when that finds nothing,
 * the repaired words, then those words with matchingStrategy "last". When nothing is found,
 * the page shows the same help on both (#zoek-hulp): routes, themes, gezichtenkaart, the
 * municipality's phone. */
(function () {
  "use strict";
  var FACETS = ["route", "thema", "doelgroep", "kern", "toegang"];
  var PAGE_SIZE = 10;  // each result is one small fragment download
  // Pagefind index chunks one search may download: any two, more while they fit in
  // CHUNK_KB (a chunk is 15-23 kB at 1,000 records, 39 kB at 10,000; the first search's
  // other files are about 102 kB, so two chunks keep it under 150 kB at 1,000 records).
  var MIN_CHUNKS = 2, CHUNK_KB = 45;
  var LONG = 5;  // words this long are searched first when the budget cannot take them all
  var OTHER_FORMS = 2;  // other site forms searched with a word that is on the site ("schuld": "schulden")
  var COUNT_WORDS = 4;  // filter counts for a search of up to this many words (15 Pagefind searches)
  // Endings the Dutch (Snowball) stemmer may drop, longest first.
  var STEM_ENDING = /(heden|heid|lijke?|bare?|ende?|ingen|ing|igen?|ene|en|se|s|e)$/;
  var root = document.querySelector(".ww-zoeken");
  if (!root) return;
  var siteRoot = new URL(root.getAttribute("data-root") || "../", location.href);
  var labels = JSON.parse(document.getElementById("zoek-labels").textContent);
  var config = JSON.parse(document.getElementById("zoek-config").textContent || "{}");
  // zelf, samen, laten: the routes in the order the page's labels list them (vocab.ROUTES).
  var ROUTE_RANK = {};
  Object.keys(labels.route || {}).forEach(function (route, i) { ROUTE_RANK[route] = i; });
  var form = document.getElementById("zoekformulier");
  var status = document.getElementById("zoek-status");
  var list = document.getElementById("zoek-resultaten");
  var more = document.getElementById("zoek-meer");
  var panel = document.getElementById("zoek-filters");
  var chosen = document.getElementById("zoek-filters-gekozen");
  var ALSO = {doelgroep: root.getAttribute("data-everyone"), kern: root.getAttribute("data-whole")};
  // The page's filter names and the Meilisearch document fields (search/documents.py).
  var MEILI_FIELDS = {route: "route", thema: "themas", doelgroep: "doelgroepen", kern: "kernen", toegang: "toegang"};
  var MEILI_TIMEOUT_MS = 1500;
  // A sentence on Meilisearch: one query per concept (at most MAX_CONCEPT_QUERIES), each
  // reading its CONCEPT_HITS best pages, ranked on the page (combine()).
  var MAX_CONCEPT_QUERIES = 8, CONCEPT_HITS = 40;
  var RELEVANCE_FLOOR = 0.5;  // combine(): the least a concept counts on a page that has it
  var FALLBACK_NOTE = "Zoeken gaat even via de eenvoudige zoekfunctie.";
  var Z = window.WegwijzerZoektaal;
  var language = JSON.parse((document.getElementById("zoek-taal") || {}).textContent || "{}");
  var suggestion = document.getElementById("zoek-suggestie");
  var help = document.getElementById("zoek-hulp");
  var hint = document.getElementById("zoek-hint");
  var withoutFilters = document.getElementById("zoek-zonder-filters");
  var searchedLine = document.getElementById("zoek-gezocht");
  var crisisBlock = document.getElementById("zoek-crisis");
  var crisis = new Z.Crisis(language.crisis || {});
  // Ranking (ranked()): a concept from the woordenboek or a synonym group names the need; a
  // word the search found on most pages says little; a word that is only part of a place's
  // name counts as that place only when the question names the whole place.
  var NEED = 3, PLACE = 0.5, PAGES = Math.max(2, Number(language.paginas) || 100);
  var places = {};
  (language.plaatsen || []).forEach(function (p) { places[p[0]] = p[1]; });
  function placeOnly(word, q) {
    var names = places[Z.plain(word)];
    if (!names) return false;
    var typed = " " + Z.words(q).join(" ") + " ";
    return !names.some(function (name) { return typed.indexOf(" " + name + " ") >= 0 && name.indexOf(" ") > 0; });
  }

  // One of the search's word files, zoeken/<pattern with {} = part>, as JSON.
  function searchFile(pattern, part, what) {
    var name = String(pattern || "").replace("{}", part);
    return fetch(new URL("zoeken/" + name, siteRoot).href, {credentials: "same-origin"})
      .then(function (r) { if (!r.ok) throw new Error(what + " " + r.status); return r.json(); });
  }
  // load() once per key of cache; a load that failed is tried again the next time.
  function once(cache, key, load) {
    return cache[key] || (cache[key] = load().catch(function (err) { delete cache[key]; throw err; }));
  }

  // The woordenboek, one file per first letter of a resident's word (any script), fetched
  // from this site the first time a question has a word with that letter.
  var lexicon = new Z.Lexicon(language.zinlengte, language.uitgangen), lexiconFiles = {}, lexiconBuckets = language.begripdelen || [];
  function loadBucket(b) {
    if (lexiconBuckets.indexOf(b) < 0) return Promise.resolve();
    return once(lexiconFiles, b, function () {
      return searchFile(language.begrippen, b, "woordenboek").then(function (data) { lexicon.add(b, data); });
    });
  }
  // Only the words the site does not have, and those with which a phrase of the woordenboek
  // begins ("fles wijn"), are looked up (the vocabulary files, which the search loads for its
  // words anyway, tell): most Dutch questions cost no woordenboek file.
  function lexiconHits(q) {
    var toks = Z.tokens(q);
    var find = function () { return crisisConcept(q).concat(lexicon.find(toks, fillerWords)); };
    return Promise.all(toks.map(function (t, i) {
      var pair = Z.plain(t) + "+" + Z.plain(toks[i + 1] || "");
      return fillerWords[t] || withVocabulary(function (v) { return v.has(t) && !v.starts[pair]; });
    })).then(function (here) {
      var absent = toks.filter(function (t, i) { return !here[i]; });
      var buckets = [].concat.apply([], absent.map(Z.bareForms)).map(Z.bucketOf)
        .filter(function (b, i, all) { return all.indexOf(b) === i; });
      return Promise.all(buckets.map(loadBucket)).then(find, find);
    });
  }
  // A question that signals danger also searches for the help with that danger (crisis.yaml's
  // "zoek": the crisis service, Veilig Thuis), first: the right records stand below the lines.
  function crisisConcept(q) {
    var search = (language.crisis || {}).zoek || {}, words = [];
    crisis.kindsOf(q).forEach(function (kind) {
      (search[kind] || []).forEach(function (w) { if (words.indexOf(w) < 0) words.push(w); });
    });
    return words.length ? [{from: -1, to: -1, text: "", lang: "nl", words: words}] : [];
  }

  // The crisis lines above everything else, for the kinds of danger the question signals: on
  // both backends, whatever the filters, before a search server is even asked.
  function showCrisis(q) {
    var kinds = q ? crisis.kindsOf(q) : [];
    crisisBlock.hidden = !kinds.length;
    if (!kinds.length) return false;
    var all = Array.prototype.slice.call(crisisBlock.querySelectorAll("li[data-soorten]"));
    var listed = crisisBlock.querySelector("ul");
    var mine = function (li) { return li.getAttribute("data-soorten").split(" "); };
    var rank = function (li) {  // lines for exactly this danger first, the line for every danger (112) last
      var s = mine(li);
      return s.length >= (language.crisis.soorten || []).length ? 2 : (kinds.indexOf(s[0]) >= 0 ? 0 : 1);
    };
    all.forEach(function (li) { li.hidden = !mine(li).some(function (k) { return kinds.indexOf(k) >= 0; }); });
    all.sort(function (a, b) { return rank(a) - rank(b); }).forEach(function (li) { listed.appendChild(li); });
    return true;
  }

  // The vocabulary, one file per first letter, each fetched from this site the first time
  // a word needs it. withVocabulary(fn) runs fn(vocabulary) and, when fn asked about a word
  // whose file is not loaded yet, loads the first such file and runs it again: up to that
  // question fn went the way the whole vocabulary would take, so the final answer is the
  // whole vocabulary's, with only the files it needed. null when a file cannot be loaded.
  var vocabulary = new Z.Vocabulary(), vocabularyFiles = {};
  var vocabularyLetters = String(language.woordletters || "").split("");
  var formLetters = String(language.vormletters || "").split("");
  function loadForms(letter) {  // zoeken/vormen-<letter>: forms of the site's words, for a word it lacks
    if (formLetters.indexOf(letter) < 0) { vocabulary.addForms(letter, null); return Promise.resolve(); }
    return searchFile(language.vormenlijst, letter, "vormen").then(function (data) { vocabulary.addForms(letter, data); });
  }
  function loadLetter(letter) {
    if (letter.charAt(0) === "~") return once(vocabularyFiles, letter, function () { return loadForms(letter.slice(1)); });
    if (vocabularyLetters.indexOf(letter) < 0) { vocabulary.letters[letter] = true; return Promise.resolve(); }
    return once(vocabularyFiles, letter, function () {
      return searchFile(language.woordenlijst, letter, "woordenlijst").then(function (data) { vocabulary.add(letter, data); });
    });
  }
  function withVocabulary(fn) {
    vocabulary.wanted = [];
    var out = fn(vocabulary), first = vocabulary.wanted[0];
    if (first === undefined) return Promise.resolve(out);
    var wanted = (first === "*" ? vocabularyLetters : [first]).filter(function (l) { return !vocabulary.letters[l]; });
    return Promise.all(wanted.map(loadLetter)).then(function () {
      vocabulary.all = vocabularyLetters.every(function (l) { return vocabulary.letters[l]; });
      return withVocabulary(fn);
    }, function () { return null; });
  }

  // A word that is not on the site as typed: another form, a correction or its parts.
  // Returns {words, corrected} or {parts} or null (the word occurs nowhere).
  var fillerWords = {};
  (language.vulwoorden || []).forEach(function (w) { fillerWords[Z.plain(w)] = true; });
  function repair(word, vocab) {
    if (Z.hasDigit(word)) return null;
    if (vocab.has(word)) return {words: [word]};
    var form = word.length >= 4 ? vocab.form(word) : null;
    if (form) return {words: [form]};
    if (word.length >= 4 && vocab.begins(word)) return {words: [word]};
    var near = vocab.correct(word, Math.min(1, Z.allowed(word)), fillerWords);
    if (near) return {words: [near], corrected: near};
    // A filler part carries no meaning: "opvoedvragen" searches for "opvoeden".
    var parts = word.length >= 6 ? vocab.split(word) : null;
    parts = parts && parts.filter(function (p) { return !fillerWords[Z.plain(p)]; });
    if (parts && parts.length) return {parts: parts};
    near = Z.allowed(word) > 1 ? vocab.correct(word, Z.allowed(word), fillerWords) : null;
    if (near) return {words: [near], corrected: near};
    var ends = word.length >= 5 ? vocab.endings(word, 3) : [];
    if (ends.length) return {words: ends};
    var known = word.length >= 8 ? vocab.knownPart(word) : null;
    return known && !fillerWords[Z.plain(known)] ? {words: [known]} : null;
  }

  // The query as concepts with the site words to search for. `present(word)` says
  // whether the site has the word as typed (Pagefind: an exact search), or null when the
  // word is left out to keep the search small; without it the vocabulary decides.
  // `allow(word)` says whether a synonym or a correction may be searched too, and
  // `preload(word)` fetches what searching a word will need.
  function understand(q, present, allow, preload) {
    return trustedHits(q).then(function (hits) { return understandWith(q, hits, present, allow, preload); });
  }
  // The woordenboek's hits, a word met in another form ("fuzzy") only where the site lacks the
  // word as typed: "psychotisch" on a Dutch site is Dutch, not a form of Polish "psychotyczny".
  // A single word of the woordenboek that the site has itself ("breien", or "school" in
  // English) is searched as typed, like any word of the site: the woordenboek is for words the
  // site lacks (measured: keeping such a word's concept as a weak one found less on the
  // ordinary questions). A phrase ("krat bier") says more than its words, and stays.
  function trustedHits(q) {
    return lexiconHits(q).then(function (hits) {
      return Promise.all(hits.map(function (h) {
        var oneWord = h.text && h.text.indexOf(" ") < 0;
        return h.fuzzy || oneWord ? onSite(h.text) : false;
      })).then(function (here) { return hits.filter(function (h, i) { return !here[i]; }); });
    });
  }
  // Asked of the vocabulary (its files are loaded already for lexiconHits), not of Pagefind:
  // a presence check there would take index chunks from the budget before the need does.
  function onSite(text) {
    var words = text.split(" ");
    return Promise.all(words.map(function (w) {
      return withVocabulary(function (v) { return v.has(w); });
    })).then(function (here) { return here.every(function (h) { return !!h; }); });
  }
  function understandWith(q, hits, present, allow, preload) {
    var found = Z.concepts(q, language), list = found.concepts, syn = found.synonymIndex;
    var plan = {concepts: [], corrections: {}, unknown: [], skipped: [], tokens: found.tokens};
    // A question in another language: its words that the woordenboek does not know are not
    // Dutch misspellings, so they are neither corrected nor split ("have" is not "haven").
    var foreign = hits.some(function (h) { return h.lang !== "nl" && !h.weak; }), covered = {};
    hits.forEach(function (h) { h.text.split(" ").forEach(function (w) { covered[w] = true; }); });
    list = list.filter(function (c) { return !c.phrase || !covered[Z.fold(c.text)]; });
    list.forEach(function (c) { c.covered = !!covered[Z.fold(c.text)]; c.place = placeOnly(c.text, q); });
    if (!list.length && !hits.length) return Promise.resolve(Object.assign(plan, {empty: true}));
    var check = present || function (w) {
      return withVocabulary(function (v) { return v.has(w); }).then(function (here) { return !!here; });
    };
    // The woordenboek's concepts name the need: their first words take the chunk budget
    // before the question's own words and their synonyms do.
    if (allow) hits.forEach(function (h) { if (!h.weak && h.words.length) allow(h.words[0]); });
    // Every word is checked at once, and so are two words written apart that may form one
    // site word ("dag besteding"): one round trip, not two. Words of LONG letters or more
    // first, then shorter ones, each in query order: when the chunk budget cannot take
    // them all, short words (the most frequent, and the least telling) are left out first.
    var checks = [], order = list.map(function (c, i) { return i; }).sort(function (a, b) {
      return (list[b].text.length >= LONG) - (list[a].text.length >= LONG) || a - b;
    });
    order.forEach(function (i) { checks[i] = list[i].words.length ? null : check(list[i].text); });
    // Each word's vocabulary file (its other forms) in the same round as the checks.
    list.forEach(function (c) {
      if (!c.words.length && c.text.length >= 4) loadLetter(Z.letterOf(c.text)).catch(function () {});
    });
    var joins = list.map(function (c, i) {
      var d = list[i + 1];
      if (!d || c.phrase || d.phrase || d.pos !== c.pos + 1 || (c.text + d.text).length < 6) return false;
      return check(c.text + d.text);
    });
    // The synonyms' index chunks come in the same round, not after the checks.
    if (preload) {
      order.forEach(function (i) {
        (list[i].synonyms || syn.key[Z.key(list[i].text)] || []).forEach(function (w) { if (allow(w)) preload(w); });
      });
    }
    return Promise.all(joins).then(function (joined) {
      var merged = [];
      for (var i = 0; i < list.length; i++) {
        if (joined[i]) {
          merged.push({text: list[i].text + " " + list[i + 1].text, words: [list[i].text + list[i + 1].text]});
          i += 1;
        } else merged.push(Object.assign(list[i], {checked: checks[i]}));
      }
      return Promise.all(merged.map(function (c) {
        if (c.words.length) return c;  // a joined word or a synonym phrase
        var group = syn.key[Z.key(c.text)];
        return c.checked.then(function (here) {
          if (here === null) { plan.skipped.push(c.text); return null; }
          // On the site: the word, then at most OTHER_FORMS of its other forms there. Not for
          // a word of under four letters (its key is too loose: "man" -> "mannen"), nor for a
          // word of a synonym group: the group's words are searched already, and more words
          // would push the search past COUNT_WORDS, which leaves the filters without counts.
          if (here && (c.text.length < 4 || group)) return Object.assign(c, {words: [c.text]});
          if (here) {
            return withVocabulary(function (vocab) { return vocab.forms(c.text, OTHER_FORMS); }).then(function (forms) {
              return Object.assign(c, {words: [c.text].concat(forms || [])});
            });
          }
          // A word of a synonym group finds the group's words on the site, even when it is
          // not on the site itself ("poetshulp" -> "huishoudelijke hulp").
          if (group) return Object.assign(c, {words: [], synonyms: group});
          // The woordenboek stands for it, or it is a word of another language: no guessing.
          if (c.covered || foreign) { plan.skipped.push(c.text); return null; }
          return withVocabulary(function (vocab) { return repair(c.text, vocab); }).then(function (fix) {
            if (!fix) { plan.unknown.push(c.text); return null; }
            if (fix.corrected) plan.corrections[c.text] = fix.corrected;
            if (fix.parts) return fix.parts.map(function (p) { return {text: p, words: [p]}; });
            return Object.assign(c, {words: fix.words});
          });
        });
      }));
    }).then(function (resolved) {
      var candidates = [];
      // The woordenboek's concepts first: they name what the question is about.
      hits.forEach(function (h) {
        // A dictionary's word (weak) names a sense, not surely the need: ranked by rarity.
        candidates.push({one: {text: h.text, words: h.words, need: !h.weak, lexicon: true}, words: h.words.slice()});
      });
      resolved.forEach(function (c) {
        [].concat(c || []).forEach(function (one) {
          // Synonyms: a phrase's group, or the group of one of the concept's words.
          var group = one.synonyms || null;
          one.words.forEach(function (w) { group = group || (w.indexOf(" ") < 0 && syn.key[Z.key(w)]) || null; });
          var all = ((one.phrase || !one.words.length) && group ? [] : one.words).concat(group || []);
          candidates.push({one: one, words: all.filter(function (w, i) { return all.indexOf(w) === i; })});
        });
      });
      // Each concept's first word before any concept's other words (synonyms), in query order.
      candidates.forEach(function (x) { x.kept = x.words.slice(0, 1).filter(function (w) { return !allow || allow(w); }); });
      candidates.forEach(function (x) {
        x.one.words = x.kept.concat(x.words.slice(1).filter(function (w) { return !allow || allow(w); }));
        if (x.one.synonyms || x.one.phrase) x.one.need = true;
        if (x.one.words.length) plan.concepts.push(x.one);
        else if (x.words.length) plan.skipped.push(x.one.text);
      });
      // A word of the question found again among a concept's words (the woordenboek's or a
      // synonym's) is one concept, not two.
      var seenWords = {};
      plan.concepts = plan.concepts.filter(function (c) {
        var fresh = c.words.filter(function (w) { return !seenWords[w]; });
        c.words.forEach(function (w) { seenWords[w] = true; });
        return c.need || fresh.length;
      });
      plan.suggestion = Object.keys(plan.corrections).length ? plan.tokens.map(function (t) {
        return plan.corrections[t.word] || t.word;
      }).join(" ") : null;
      return plan;
    });
  }

  // The pages of one search per concept ([{concept, results: [{id, score}], count}]), ranked on
  // both backends alike: by the summed weight of the concepts they match (conceptWeights), then
  // by how many, then by their summed score (a concept's score on a page is its best word's).
  function combine(all, plan) {
    var pages = {}, order = [];
    all.forEach(function (res) {
      res.results.forEach(function (r) {
        var p = pages[r.id];
        if (!p) { p = pages[r.id] = {result: r, by: {}}; order.push(p); }
        var c = res.concept || 0;
        if (!(c in p.by) || r.score > p.by[c]) p.by[c] = r.score;
      });
    });
    var weights = conceptWeights(all, plan), best = {};
    order.forEach(function (p) {
      Object.keys(p.by).forEach(function (c) { best[c] = Math.max(best[c] || 0, p.by[c]); });
    });
    order.forEach(function (p, i) {
      var concepts = Object.keys(p.by), scores = concepts.map(function (c) { return p.by[c]; });
      p.count = scores.length;
      // A concept counts fully on the page where the backend scores it best, and at least half on
      // any page that has it: a long page that mentions a word once says less than one about it.
      p.weight = concepts.reduce(function (sum, c) {
        return sum + (weights[c] || 1) * (best[c] > 0 ? RELEVANCE_FLOOR + (1 - RELEVANCE_FLOOR) * p.by[c] / best[c] : 1);
      }, 0);
      p.score = scores.reduce(function (a, b) { return a + b; }, 0);
      p.index = i;
    });
    return order.sort(function (a, b) {
      return b.weight - a.weight || b.count - a.count || b.score - a.score || a.index - b.index;
    });
  }

  // Pages of equal relevance (the same weight, count and score in combine()) in route order:
  // what a resident can do themselves first, as on every list of the site. ``routeOf(p)``: the
  // page's route (none for a face or an article: after the records).
  function sameRelevance(a, b) {
    return Math.abs(a.weight - b.weight) < 1e-9 && a.count === b.count && Math.abs(a.score - b.score) < 1e-9;
  }
  function routeFirst(order, routeOf) {
    var out = [];
    function rank(p) { var r = ROUTE_RANK[routeOf(p)]; return r === undefined ? Object.keys(ROUTE_RANK).length : r; }
    for (var i = 0, j; i < order.length; i = j) {
      for (j = i + 1; j < order.length && sameRelevance(order[i], order[j]); j++);
      out = out.concat(order.slice(i, j).map(function (p, k) { return {p: p, k: k}; }).sort(function (a, b) {
        return rank(a.p) - rank(b.p) || a.k - b.k;
      }).map(function (x) { return x.p; }));
    }
    return out;
  }
  // The first ``limit`` pages and those as relevant as the last of them (at most ``limit`` more:
  // each costs a fragment download): routeFirst() may move one of them up.
  function withTies(order, limit) {
    var end = Math.min(limit, order.length), most = Math.min(2 * limit, order.length);
    while (end > 0 && end < most && sameRelevance(order[end - 1], order[end])) end++;
    return order.slice(0, end);
  }

  // How much each concept of a search says (ranked()): NEED for a concept from the woordenboek
  // or a synonym group; else by how few pages have it (a word on most pages says little); a
  // word that is only part of a place's name at most PLACE.
  function conceptWeights(all, plan) {
    var found = {}, weights = {};
    all.forEach(function (res) {
      var c = res.concept || 0;
      found[c] = Math.max(found[c] || 0, typeof res.count === "number" ? res.count : res.results.length);
    });
    Object.keys(found).forEach(function (c) {
      var concept = plan && plan.concepts[c];
      if (!concept) { weights[c] = 1; return; }
      if (concept.need) { weights[c] = NEED; return; }
      var rare = Math.log(PAGES / Math.max(1, found[c])) / Math.log(PAGES);
      var w = Math.min(2, Math.max(0.3, 0.3 + 1.7 * rare));
      weights[c] = concept.place ? Math.min(w, PLACE) : w;
    });
    return weights;
  }

  var backends = {
    pagefind: {
      pf: null,
      // Pagefind runs on the page itself (noWorker): its web worker would be another 12 kB
      // download on the first search, for a search that takes milliseconds. With it, the
      // table of index chunks (zoeken/delen.json, site/pagefind_chunks.py); without the
      // table each word's first two letters count as a chunk of their own.
      table: null,
      stopped: {},  // Pagefind ids of stopped records' pages (delen.json): ranked after every active one
      init: function () {
        var self = this;
        var table = fetch(new URL("zoeken/delen.json", siteRoot).href, {credentials: "same-origin", cache: "no-cache"})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            // A chunk holds the words from its first word up to the next chunk's first word.
            var list = data && Array.isArray(data.delen) ? data.delen : [];
            (data && Array.isArray(data.gestopt) ? data.gestopt : []).forEach(function (id) { self.stopped[id] = true; });
            self.table = list.length ? list.map(function (c, i) {
              return {from: Z.plain(c[0]), next: i + 1 < list.length ? Z.plain(list[i + 1][0]) : "\uffff",
                      kb: Number(c[2]) || CHUNK_KB};
            }) : null;
          }, function () { self.table = null; });
        var pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
          self.pf = pf;
          return pf.options({baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true}).then(function () {
            return pf.init();
          });
        });
        return Promise.all([pagefind, table]);
      },
      // The index chunks a word's search downloads: those holding words that begin with its
      // stem (Pagefind searches the stem and longer words). The stem is taken a little
      // short, as Pagefind's Dutch stemmer may make it: a Dutch ending dropped, then a
      // doubled letter ("bakken" -> "bak").
      chunksOf: function (word) {
        var table = this.table, ids = [];
        Z.words(word).forEach(function (w) {
          if (!table) { ids.push(w.slice(0, 2)); return; }
          var stem = w.replace(STEM_ENDING, "").replace(/(.)\1$/, "$1");
          if (stem.length < 3) stem = w.slice(0, 3);
          var end = w + "\uffff";
          table.forEach(function (c, i) { if (c.from <= end && stem < c.next) ids.push(i); });
        });
        return ids;
      },
      // A search keeps to MIN_CHUNKS index chunks, or more within CHUNK_KB, whatever is
      // cached (the same question gives the same results every time): words are taken as
      // understand() asks (long words first, then short ones, each in query order; each
      // concept's own word before synonyms); a word whose chunks are already taken is
      // free. Without the table only MIN_CHUNKS (two-letter groups).
      budget: function () {
        var self = this, taken = {}, count = 0, kb = 0;
        return function (word) {
          var add = self.chunksOf(word).filter(function (id, i, all) { return !taken[id] && all.indexOf(id) === i; });
          var addKb = add.reduce(function (sum, id) { return sum + (self.table ? self.table[id].kb : CHUNK_KB); }, 0);
          if (add.length && count && count + add.length > MIN_CHUNKS && kb + addKb > CHUNK_KB) return false;
          add.forEach(function (id) { taken[id] = true; });
          count += add.length; kb += addKb;
          return true;
        };
      },
      // Filter counts need Pagefind's filter index (one file per filter). The results
      // come first; run() then asks for the counts, naming every shown filter (an empty
      // `none` matches all) so Pagefind loads just those files, not `soort`. Later
      // searches of one word get the counts directly.
      //
      // A search made of several words (each searched on its own) shows the pages that
      // have any of them. Its counts come from Pagefind's own counts by inclusion and
      // exclusion: |A or B| = |A| + |B| - |A and B|, where a search of "A B" gives the
      // pages with both: 2^n - 1 searches of words whose index is already loaded, for up
      // to COUNT_WORDS words (more: the options show no counts). A filter-only search would
      // be one search per value, but Pagefind loads its whole word index for it (3 MB at
      // 10,000 records), so it is only used when there is no question at all.
      filtersLoaded: false,
      facets: function (params) {
        var self = this, filters = self.filtersFor(params), words = self.wordsFor.get(params);
        FACETS.forEach(function (f) { if (!filters[f]) filters[f] = {none: []}; });
        if (!params.q) {
          return self.pf.search(null, {filters: filters}).then(function (res) {
            self.filtersLoaded = true;
            return res.filters || {};
          });
        }
        if (!words || !words.length || words.length > COUNT_WORDS) return Promise.resolve({});
        var searches = [];
        for (var set = 1; set < (1 << words.length); set++) {
          var some = words.filter(function (w, i) { return set & (1 << i); });
          searches.push(self.pf.search(some.join(" "), {filters: filters}).then(function (res) {
            return {sign: this.odd ? 1 : -1, counts: res.filters || {}};
          }.bind({odd: some.length % 2 === 1})));
        }
        return Promise.all(searches).then(function (parts) {
          var counts = {};
          parts.forEach(function (part) {
            FACETS.forEach(function (f) {
              var mine = counts[f] = counts[f] || {};
              Object.keys(part.counts[f] || {}).forEach(function (v) {
                mine[v] = (mine[v] || 0) + part.sign * part.counts[f][v];
              });
            });
          });
          self.filtersLoaded = true;
          return counts;
        });
      },
      wordsFor: new WeakMap(),  // search params -> the words it searched, each on its own
      filtersFor: function (params) {
        var filters = {};
        FACETS.forEach(function (f) {
          if (!params[f]) return;
          // Records for everyone / the whole municipality match every group / kern.
          filters[f] = ALSO[f] ? {any: [params[f], ALSO[f]]} : params[f];
        });
        return filters;
      },
      // Is the word on the site as typed? An exact search ("word") matches whole words only;
      // a plain search falls back to a shorter prefix and would find unrelated pages.
      seen: {},
      present: function (word) {
        var self = this;
        if (!(word in self.seen)) {
          self.seen[word] = self.pf.search('"' + word + '"').then(function (res) { return res.results.length > 0; });
        }
        return self.seen[word];
      },
      search: function (params) {
        var self = this, filters = this.filtersFor(params), allow = this.budget();
        if (!params.q) return self.ranked(params, [self.pf.search(null, {filters: filters})], null);
        var present = function (w) { return allow(w) ? self.present(w) : Promise.resolve(null); };
        var preload = function (w) { self.pf.preload(w).catch(function () {}); };
        return understand(params.q, present, allow, preload).then(function (plan) {
          // The words the budget left out are all there is to search: then search them
          // anyway (a question with a word on the site never gets zero results).
          if (!plan.concepts.length && plan.skipped.length) {
            return understand(params.q, function (w) { return self.present(w); }, null);
          }
          return plan;
        }).then(function (plan) {
          if (plan.empty || !plan.concepts.length) {
            self.wordsFor.set(params, []);
            return {total: 0, facets: null, hits: [], plan: plan};
          }
          var searches = [], words = [];
          plan.concepts.forEach(function (c, i) {
            c.words.forEach(function (w) { searches.push(self.wordSearch(w, filters, i)); words.push(w); });
          });
          self.wordsFor.set(params, words.filter(function (w, i) { return words.indexOf(w) === i; }));
          return self.ranked(params, searches, plan);
        });
      },
      // One word of a concept. Pagefind also finds longer words that begin with it; for a
      // word of three letters that is mostly noise ("man" would find "mantelzorg"), so those
      // pages count only when an exact search finds the word itself on them.
      wordSearch: function (word, filters, concept) {
        var pf = this.pf, loose = pf.search(word, {filters: filters});
        if (word.length > 3 || word.indexOf(" ") >= 0) {
          return loose.then(function (res) { res.concept = concept; return res; });
        }
        return Promise.all([loose, pf.search('"' + word + '"', {filters: filters})]).then(function (both) {
          var exact = {};
          both[1].results.forEach(function (r) { exact[r.id] = r; });
          var kept = both[0].results.filter(function (r) { return exact[r.id]; });
          var ids = {};
          kept.forEach(function (r) { ids[r.id] = true; });
          both[1].results.forEach(function (r) { if (!ids[r.id]) kept.push({id: r.id, score: 0.1, data: r.data}); });
          return {results: kept, filters: both[0].filters, concept: concept};
        });
      },
      // Pages ranked by how many concepts they match, then by their summed Pagefind score
      // (a concept's score on a page is its best word's).
      ranked: function (params, searches, plan) {
        var self = this, loaded = this.filtersLoaded;
        return Promise.all(searches).then(function (all) {
          var order = combine(all, plan);
          var single = all.length === 1, limit = params.limit || PAGE_SIZE, stopped = self.stopped;
          // Stopped records come after every active one (their pages are listed in delen.json).
          order = order.filter(function (p) { return !stopped[p.result.id]; })
            .concat(order.filter(function (p) { return stopped[p.result.id]; }));
          var wanted = withTies(order, limit);
          return Promise.all(wanted.map(function (p) { return p.result.data(); })).then(function (datas) {
            wanted.forEach(function (p, i) { p.data = datas[i]; });
            var hits = routeFirst(wanted, function (p) { return (p.data.meta || {}).route; }).map(function (p) {
              var d = p.data, m = d.meta || {};
              return {url: d.url, title: m.title || d.url, samenvatting: m.samenvatting || stripTags(d.excerpt),
                      soort: m.soort, route: m.route, toegang: m.toegang, beslist: m.beslist, telefoon: m.telefoon,
                      tel: m.tel, status: m.status, functie: m.functie, wachttijd: m.wachttijd};
            });
            return {
              total: order.length,
              // null: ask facets() for the counts (loaded when the filter panel is open)
              facets: single && loaded ? all[0].filters || {} : null,
              partial: !!plan && order.length > 0 && order[0].count < plan.concepts.length,
              plan: plan,
              hits: hits.slice(0, limit)
            };
          });
        });
      }
    },

    // Straight to Meilisearch's search route with the search-only key; no client library.
    meilisearch: {
      init: function (cfg) {
        this.cfg = cfg;
        return Promise.resolve();
      },
      // The meaningful words go to Meilisearch, which handles typos and synonyms itself and,
      // with matchingStrategy "frequency", drops the most common words first when all of
      // them together find nothing. Only when that finds nothing either does the page repair
      // the words with the vocabulary (other form, correction, compound) and ask once more.
      search: function (params) {
        var self = this;
        if (!params.q) return self.query(params, "");
        return trustedHits(params.q, null).then(function (hits) { return self.searchWith(params, hits); });
      },
      // The woordenboek's site words first (they name the need), then the question's own words
      // it does not cover; a word of another language that it does not know is left out, and
      // so is a word that is only part of a place's name when there are others. Meilisearch
      // reads at most ten words.
      searchWith: function (params, hits) {
        var self = this;
        var found = Z.concepts(params.q, language);
        var plan = {tokens: found.tokens, corrections: {}, suggestion: null};
        var foreign = hits.some(function (h) { return h.lang !== "nl" && !h.weak; }), covered = {};
        hits.forEach(function (h) { h.text.split(" ").forEach(function (w) { covered[w] = true; }); });
        var own = found.concepts.filter(function (c) { return !covered[Z.fold(c.text)] && !foreign; });
        var notPlaces = own.filter(function (c) { return !placeOnly(c.text, params.q); });
        if (notPlaces.length || hits.length) own = notPlaces;
        // The meaningful words, and a synonym phrase whole even when it holds filler words
        // ("niet meer leven"): Meilisearch then finds the phrase's synonyms.
        var meaningful = [];
        hits.forEach(function (h) { h.words.slice(0, 2).forEach(function (w) { meaningful.push(w); }); });
        own.forEach(function (c) { meaningful.push(c.text); });
        meaningful = meaningful.filter(function (w, i) { return meaningful.indexOf(w) === i; }).slice(0, 10);
        if (hits.length) plan.searched = meaningful;
        if (!meaningful.length) return Promise.resolve({total: 0, facets: null, hits: [], plan: {empty: true}});
        // A sentence: each concept searched on its own, ranked as the built-in search ranks them.
        var concepts = hits.map(function (h) { return {text: h.text, words: h.words.slice(0, 3), need: !h.weak}; })
          .concat(own.map(function (c) {
            return {text: c.text, words: [c.text], place: placeOnly(c.text, params.q)};
          })).slice(0, MAX_CONCEPT_QUERIES);
        var asked = concepts.length > 1 && !params.near ? self.byConcept(params, concepts, meaningful)
          : self.query(params, meaningful.join(" "));
        return asked.then(function (res) {
          res.plan = plan;
          if (res.total > 0) {
            plan.corrections = meiliCorrections(meaningful, res.marked);
            plan.suggestion = suggestionFor(plan);
            return res;
          }
          return understand(params.q, null).then(function (repaired) {
            // Asked again only with other words: a correction, another form, a synonym, or
            // a compound's parts ("dementiezorg" -> "dementie zorg"; Meilisearch does not split).
            var q = repaired.concepts.map(function (c) { return c.words[0]; }).join(" ") || meaningful.join(" ");
            var ask = q === meaningful.join(" ") ? Promise.resolve(res) : self.query(params, q);
            return ask.then(function (again) {
              again.plan = repaired;
              // "frequency" never drops a word no document has ("halen"); as a last step the
              // words are dropped from the end until something is found.
              if (again.total > 0 || q.indexOf(" ") < 0) return again;
              return self.query(params, q, "last").then(function (last) { last.plan = repaired; return last; });
            });
          });
        });
      },
      query: function (params, q, strategy) {
        var self = this, tags = randomTags();
        return self.post("/indexes/" + encodeURIComponent(self.cfg.index) + "/search",
                         self.body(params, q, strategy, tags)).then(function (data) { return self.toResult(data, tags); });
      },
      // One request (Meilisearch's multi-search) with a query per concept, each finding the
      // pages with any of its words, and one for the filter counts of them all; the pages are
      // then ranked by combine(), as the built-in search does.
      byConcept: function (params, concepts, meaningful) {
        var self = this, tags = randomTags(), index = self.cfg.index, limit = params.limit || PAGE_SIZE;
        var queries = concepts.map(function (c) {
          return Object.assign(self.body(params, c.words.join(" "), "last", tags), {
            indexUid: index, limit: CONCEPT_HITS, facets: undefined, showRankingScore: true});
        });
        queries.push(Object.assign(self.body(params, meaningful.join(" "), "last", tags), {indexUid: index, limit: 0}));
        return self.post("/multi-search", {queries: queries}).then(function (data) {
          var answers = data && Array.isArray(data.results) ? data.results : [];
          if (answers.length !== queries.length) throw new Error("Meilisearch: unexpected answer");
          var all = concepts.map(function (c, i) {
            var found = self.toResult(answers[i], tags);
            return {concept: i, count: found.total, marked: found.marked, results: found.hits.map(function (hit, k) {
              return {id: hit.url, score: Number(answers[i].hits[k]._rankingScore) || 0, hit: hit};
            })};
          });
          var counts = self.toResult(answers[answers.length - 1], tags);
          var order = routeFirst(combine(all, {concepts: concepts}), function (p) { return p.result.hit.route; })
            .map(function (p) { return p.result.hit; });
          order = order.filter(function (h) { return h.status !== "gestopt"; })
            .concat(order.filter(function (h) { return h.status === "gestopt"; }));
          return {total: Math.max(order.length, counts.total), facets: counts.facets, hits: order.slice(0, limit),
                  marked: [].concat.apply([], all.map(function (a) { return a.marked || []; }))};
        });
      },
      post: function (path, body) {
        var cfg = this.cfg, ctrl = new AbortController();
        var timer = setTimeout(function () { ctrl.abort(); }, MEILI_TIMEOUT_MS);
        return fetch(cfg.url + path, {
          method: "POST", body: JSON.stringify(body), signal: ctrl.signal, credentials: "omit",
          headers: {"Content-Type": "application/json", "Authorization": "Bearer " + cfg.key}
        }).then(function (r) {
          if (!r.ok) throw new Error("Meilisearch HTTP " + r.status);
          return r.json();  // still under the timer: a body that never ends is aborted too
        }).then(function (data) { clearTimeout(timer); return data; },
                function (err) { clearTimeout(timer); throw err; });
      },
      body: function (params, q, strategy, tags) {
        var filter = [];
        Object.keys(MEILI_FIELDS).forEach(function (f) {
          if (!params[f]) return;
          filter.push(MEILI_FIELDS[f] + " = " + filterString(params[f]));
        });
        var body = {
          q: q, matchingStrategy: strategy || "frequency", limit: params.limit || PAGE_SIZE,
          facets: ["soort", "route", "themas", "doelgroepen", "kernen", "toegang"],
          attributesToRetrieve: (this.cfg.velden || ["*"]).slice(),  // search/fields.py RETRIEVED
          attributesToHighlight: ["naam", "samenvatting"], highlightPreTag: tags[0], highlightPostTag: tags[1],
          attributesToCrop: ["samenvatting"], cropLength: 30
        };
        if (filter.length) body.filter = filter;
        if (params.near) {
          body.sort = ["_geoPoint(" + params.near.lat + ", " + params.near.lng + "):asc"];
          body.attributesToRetrieve.push("_geo");  // Meilisearch adds _geoDistance only when _geo is retrieved
        }
        return body;
      },
      toResult: function (data, tags) {
        if (!data || !Array.isArray(data.hits)) throw new Error("Meilisearch: unexpected answer");
        var fd = data.facetDistribution || {}, marked = {};
        data.hits.forEach(function (d) {
          var f = d._formatted || {};
          [f.naam, f.samenvatting].forEach(function (s) {
            (markedParts(s, tags) || []).forEach(function (p) { if (p[1]) Z.words(p[0]).forEach(function (w) { marked[w] = true; }); });
          });
        });
        return {
          marked: Object.keys(marked),
          total: typeof data.estimatedTotalHits === "number" ? data.estimatedTotalHits
            : (typeof data.totalHits === "number" ? data.totalHits : data.hits.length),
          facets: {soort: fd.soort || {}, route: fd.route || {}, thema: fd.themas || {},
                   doelgroep: fd.doelgroepen || {}, kern: fd.kernen || {}, toegang: fd.toegang || {}},
          hits: data.hits.map(function (d) { return meiliHit(d, tags); })
        };
      }
    }
  };

  function meiliHit(d, tags) {
    var f = d._formatted || {}, phones = Array.isArray(d.telefoon) ? d.telefoon : [];
    var url = new URL(String(d.url || ""), siteRoot);
    var hit = {url: url.origin === siteRoot.origin ? url.href : siteRoot.href,
               title: text(d.naam) || url.pathname, soort: text(d.soort), route: text(d.route),
               toegang: text(d.toegang), beslist: text(d.beslist),
               status: text(d.status), telefoon: text(phones[0]), tel: text(phones[0]).replace(/[^0-9+]/g, ""),
               wachttijd: text(d.wachttijd)};
    hit.titleParts = markedParts(f.naam, tags);
    if (d.soort === "gezicht") {  // as on the face's own page: role first, then what to call about
      hit.functie = text(d.samenvatting);
      var vragen = Array.isArray(d.trefwoorden) ? d.trefwoorden.map(text).join(", ") : "";
      hit.samenvatting = vragen ? "Bel over: " + vragen : "";
    } else {
      hit.samenvatting = text(d.samenvatting);
      hit.samenvattingParts = markedParts(f.samenvatting, tags);
    }
    if (typeof d._geoDistance === "number") hit.afstand = d._geoDistance;
    return hit;
  }
  // Meilisearch corrected a typo silently when a query word is not among the highlighted
  // words but a close one is: "Bedoelde je" names it, as the built-in search does.
  function meiliCorrections(meaningful, marked) {
    var out = {};
    meaningful.forEach(function (w) {
      var max = Z.allowed(w);
      if (!max || Z.hasDigit(w) || marked.some(function (m) { return m.indexOf(w) === 0 || Z.key(m) === Z.key(w); })) return;
      var best = null, bestD = max + 1;
      marked.forEach(function (m) { var d = Z.distance(w, m, max); if (d < bestD) { best = m; bestD = d; } });
      if (best) out[w] = best;
    });
    return out;
  }
  function suggestionFor(plan) {
    if (!Object.keys(plan.corrections).length) return null;
    return plan.tokens.map(function (t) { return plan.corrections[t.word] || t.word; }).join(" ");
  }
  function text(v) { return typeof v === "string" ? v : (typeof v === "number" ? String(v) : ""); }
  // Highlight tags nobody can guess, so a record's text can never pose as one.
  function randomTags() {
    var a = new Uint32Array(4);
    crypto.getRandomValues(a);
    var id = Array.prototype.map.call(a, function (n) { return n.toString(36); }).join("");
    return ["\u2983" + id + "\u2984", "\u2983/" + id + "\u2984"];
  }
  // "…text PRE word POST text…" -> [["…text ", false], ["word", true], [" text…", false]].
  // Only our own tags become <mark> (in appendParts, as elements); everything else stays text.
  function markedParts(s, tags) {
    if (typeof s !== "string") return null;
    var parts = [];
    s.split(tags[0]).forEach(function (chunk, i) {
      var end = i ? chunk.indexOf(tags[1]) : -1;
      if (end >= 0) {
        parts.push([chunk.slice(0, end), true]);
        chunk = chunk.slice(end + tags[1].length);
      }
      parts.push([chunk.split(tags[1]).join(""), false]);
    });
    return parts.filter(function (p) { return p[0]; });
  }
  function appendParts(node, parts) {
    parts.forEach(function (p) {
      node.appendChild(p[1] ? el("mark", null, p[0]) : document.createTextNode(p[0]));
    });
  }
  // A string in Meilisearch's filter syntax: backslash and double quote escaped.
  function filterString(v) { return '"' + String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"'; }
  function distance(m) { return (Math.max(m, 100) / 1000).toFixed(1).replace(".", ",") + " km"; }

  // Pagefind's excerpt is HTML with <mark>: parsed inert (no scripts, no image loads), text only.
  function stripTags(s) { return new DOMParser().parseFromString(s || "", "text/html").body.textContent; }

  function paramsFromUrl() {
    var u = new URLSearchParams(location.search), p = {q: (u.get("q") || "").trim()};
    FACETS.forEach(function (f) { p[f] = knownValue(f, u.get(f) || ""); });
    return p;
  }
  // Filter values are slugs; an address may still name a kern as it is written
  // (?kern=Sint-Odiliënberg): that finds its slug through the labels.
  function knownValue(facet, value) {
    var known = labels[facet] || {};
    if (!value || known.hasOwnProperty(value)) return value;
    var wanted = value.toLowerCase();
    var match = Object.keys(known).filter(function (k) { return String(known[k]).toLowerCase() === wanted; });
    return match.length ? match[0] : value;
  }
  function paramsFromForm() {
    var p = {q: form.elements.q.value.trim()};
    FACETS.forEach(function (f) { p[f] = form.elements[f].value; });
    return p;
  }
  function fillForm(p) {
    form.elements.q.value = p.q;
    FACETS.forEach(function (f) {
      var sel = form.elements[f];
      if (p[f] && !Array.prototype.some.call(sel.options, function (o) { return o.value === p[f]; })) {
        sel.add(new Option(p[f], p[f]));
      }
      sel.value = p[f];
    });
  }
  function writeUrl(p) {
    var u = new URLSearchParams();
    if (p.q) u.set("q", p.q);
    FACETS.forEach(function (f) { if (p[f]) u.set(f, p[f]); });
    var qs = u.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;  // never innerHTML for result data
    return e;
  }
  function renderHit(h) {
    var li = el("li", "ww-card");
    var h3 = el("h3", "ww-card__title"), a = el("a", null, h.titleParts ? null : h.title);
    if (h.titleParts) appendParts(a, h.titleParts);
    a.href = h.url;
    h3.appendChild(a); li.appendChild(h3);
    var badges = el("p", "ww-card__badges");
    // Who decides, where that is not the gemeente ("Besluit van het CIZ nodig"; records/access.py).
    var access = (h.toegang === "beschikking" && labels.beslist[h.beslist]) || labels.toegang[h.toegang];
    if (h.toegang && access) badges.appendChild(el("span", "ww-badge ww-badge--" + h.toegang, access));
    if (h.status === "tijdelijk-gesloten") badges.appendChild(el("span", "ww-badge ww-badge--status", "Tijdelijk gesloten"));
    if (h.status === "gestopt") badges.appendChild(el("span", "ww-badge ww-badge--status", "Gestopt"));
    badges.appendChild(el("span", "ww-route", labels.route[h.route] || labels.soort[h.soort] || ""));
    li.appendChild(badges);
    if (h.functie) li.appendChild(el("p", "ww-card__provider", h.functie));
    if (h.samenvattingParts) {
      var sum = el("p", "ww-card__summary");
      appendParts(sum, h.samenvattingParts);
      li.appendChild(sum);
    } else if (h.samenvatting) li.appendChild(el("p", "ww-card__summary", h.samenvatting));
    if (h.wachttijd) li.appendChild(el("p", "ww-card__waiting", "Wachttijd: " + h.wachttijd));
    if (typeof h.afstand === "number") li.appendChild(el("p", "ww-card__distance", "Afstand: " + distance(h.afstand)));
    if (h.tel && /^\+?[0-9]+$/.test(h.tel)) {
      var p = el("p", "ww-card__phone"), t = el("a", "ww-phone", h.telefoon || h.tel);
      t.href = "tel:" + h.tel;
      p.appendChild(t); li.appendChild(p);
    }
    return li;
  }
  // Pagefind's filter index grows with the data (160 kB at 10,000 records): it is fetched
  // when the filter panel is open, so a phone that only searches does not pay for it.
  var countsWanted = null;
  function loadCounts() {
    var q = countsWanted, p = current;
    if (!q || !panel.open || !backend.facets) return;
    countsWanted = null;
    backend.facets(q).then(function (f) { if (current === p) updateFacets(f); }, function () {});
  }
  function showChosen(p) {
    var n = FACETS.filter(function (f) { return p[f]; }).length;
    chosen.textContent = n ? "(" + n + " gekozen)" : "";
  }
  function updateFacets(facets) {
    FACETS.forEach(function (f) {
      var counts = facets[f] || {};
      Array.prototype.forEach.call(form.elements[f].options, function (o) {
        if (!o.value) return;
        var base = (labels[f] && labels[f][o.value]) || o.value;
        if (!Object.keys(counts).length) { o.textContent = base; return; }
        var n = (counts[o.value] || 0) + (ALSO[f] ? counts[ALSO[f]] || 0 : 0);
        o.textContent = base + " (" + n + ")";
      });
    });
  }

  var meili = config.backend === "meilisearch" && config.url && config.key && window.fetch && window.AbortController;
  var backend = meili ? backends.meilisearch : backends.pagefind;
  var near = null, nearButton = null;  // {lat, lng} after "Bij mij in de buurt"
  var ready = null, current = null, shown = PAGE_SIZE;

  // Meilisearch failed (error, unreachable, too slow, odd answer): Pagefind from now on.
  function search(q) {
    var used = backend;
    ready = ready || used.init(config);
    return ready.then(function () { return used.search(q); }).catch(function (err) {
      if (used === backends.pagefind) throw err;
      if (backend === used) {
        backend = backends.pagefind; ready = null; near = null;
        if (nearButton) nearButton.hidden = true;
      }
      return search(Object.assign({}, q, {near: null})).then(function (res) { res.fellBack = true; return res; });
    });
  }

  function run(p, limit) {
    if (!p.q && !near && !FACETS.some(function (f) { return p[f]; })) {
      list.textContent = ""; more.hidden = true; help.hidden = true; suggestion.hidden = true;
      status.textContent = "Typ een woord of kies een filter.";
      return Promise.resolve();
    }
    var inCrisis = showCrisis(p.q);
    status.textContent = "Bezig met zoeken…";
    current = p;
    var q = Object.assign({}, p, {limit: limit, near: near});
    return search(q).then(function (res) {
      if (current !== p) return;  // a newer search started
      showSearched(res.plan || {}, p.q);
      list.textContent = "";
      res.hits.forEach(function (h) { list.appendChild(renderHit(h)); });
      // Counts fill in silently (option texts are not announced) once they are known.
      if (res.facets) updateFacets(res.facets);
      else countsWanted = q;
      loadCounts();
      var plan = res.plan || {};
      showSuggestion(p, plan.suggestion);
      more.hidden = res.total <= res.hits.length;
      if (plan.empty) {
        status.textContent = "Typ een woord dat zegt waar je hulp bij zoekt. Bijvoorbeeld: schulden, eenzaam of vervoer.";
        showHelp(p, "Of kies hieronder waar je vraag over gaat.");
        return;
      }
      var line = res.total === 1 ? "1 resultaat" : (res.total ? res.total + " resultaten" : "Geen resultaten");
      if (res.total && res.partial) line += ". Bovenaan staat wat het best past bij je vraag";
      if (inCrisis) line = CRISIS_NOTE + line;
      status.textContent = line + (res.fellBack ? ". " + FALLBACK_NOTE : "");
      if (res.total) { help.hidden = true; return; }
      showHelp(p, "We vonden niets voor ‘" + p.q + "’. Probeer een ander woord, of kies hieronder.");
      offerWithoutFilters(p);
    }).catch(function () {
      status.textContent = (inCrisis ? CRISIS_NOTE : "") +
        "Zoeken lukt nu niet. Probeer het later opnieuw, of kies een thema op de homepagina.";
    });
  }
  var CRISIS_NOTE = "Bovenaan staan hulplijnen die je nu kunt bellen. ";

  // "Gezocht op: schulden, hulp": what the search looked for when that is not just the
  // question's own words (the woordenboek, another language, another form).
  function showSearched(plan, q) {
    var typed = Z.words(q), words = plan.searched || [];
    var concepts = plan.concepts || [];
    var changed = concepts.some(function (c) {
      return c.lexicon || c.words.some(function (w) { return typed.indexOf(Z.plain(w)) < 0; });
    });
    if (!plan.searched && changed) concepts.forEach(function (c) { words = words.concat(c.words.slice(0, 2)); });
    words = words.filter(function (w, i) { return words.indexOf(w) === i; }).slice(0, 8);
    searchedLine.hidden = !words.length;
    searchedLine.textContent = words.length ? "Gezocht op: " + words.join(", ") : "";
  }

  function addressFor(p) {
    var u = new URLSearchParams();
    if (p.q) u.set("q", p.q);
    FACETS.forEach(function (f) { if (p[f]) u.set(f, p[f]); });
    return location.pathname + "?" + u.toString();
  }
  // "Bedoelde je: mantelzorg?" linking to that search, with the same filters.
  function showSuggestion(p, corrected) {
    suggestion.textContent = "";
    suggestion.hidden = !corrected;
    if (!corrected) return;
    var a = el("a", null, corrected);
    a.href = addressFor(Object.assign({}, p, {q: corrected}));
    suggestion.appendChild(document.createTextNode("Bedoelde je: "));
    var em = el("em");
    em.appendChild(a);
    suggestion.appendChild(em);
    suggestion.appendChild(document.createTextNode("? Hieronder staan de resultaten daarvoor."));
  }
  // Never a dead end: the routes, themes, gezichtenkaart and the municipality's phone.
  function showHelp(p, text) {
    hint.textContent = text;
    withoutFilters.hidden = true;
    help.hidden = false;
  }
  // Nothing with these filters: say how many there are without them, if any.
  function offerWithoutFilters(p) {
    if (!p.q || !FACETS.some(function (f) { return p[f]; })) return;
    var plain = {q: p.q, limit: 1};
    search(plain).then(function (res) {
      if (current !== p || !res.total) return;
      var a = withoutFilters.querySelector("a");
      a.href = addressFor({q: p.q});
      a.textContent = "Zoek zonder filters (" + (res.total === 1 ? "1 resultaat" : res.total + " resultaten") + ")";
      withoutFilters.hidden = false;
    }, function () {});
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var p = paramsFromForm();
    writeUrl(p); shown = PAGE_SIZE; run(p, shown);
  });
  FACETS.forEach(function (f) {
    form.elements[f].addEventListener("change", function () {
      var p = paramsFromForm(); writeUrl(p); showChosen(p); shown = PAGE_SIZE; run(p, shown);
    });
  });
  panel.addEventListener("toggle", loadCounts);
  more.addEventListener("click", function () { shown += PAGE_SIZE; run(current, shown); });

  // "Bij mij in de buurt": only with Meilisearch; the location is asked for on click only,
  // rounded to about 100 m, sent to nobody but the search server and never put in the URL.
  if (meili && navigator.geolocation) {
    nearButton = el("button", "ww-button ww-near", "Bij mij in de buurt");
    nearButton.type = "button";
    nearButton.setAttribute("aria-pressed", "false");
    var holder = el("p", "ww-near-row");
    holder.appendChild(nearButton);
    form.appendChild(holder);
    nearButton.addEventListener("click", function () {
      var rerun = function () { var p = paramsFromForm(); writeUrl(p); shown = PAGE_SIZE; run(p, shown); };
      if (near) { near = null; nearButton.setAttribute("aria-pressed", "false"); rerun(); return; }
      status.textContent = "Je locatie opvragen…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        if (backend !== backends.meilisearch) return;
        near = {lat: Math.round(pos.coords.latitude * 1000) / 1000, lng: Math.round(pos.coords.longitude * 1000) / 1000};
        nearButton.setAttribute("aria-pressed", "true");
        rerun();
      }, function () {
        status.textContent = "Je locatie is niet bekend. Je kunt ook een dorp of wijk kiezen.";
      }, {maximumAge: 600000, timeout: 15000});
    });
  }

  var start = paramsFromUrl();
  fillForm(start);
  showChosen(start);
  if (window.matchMedia("(min-width: 45em)").matches || FACETS.some(function (f) { return start[f]; })) {
    panel.open = true;
  }
  run(start, shown);
})();
