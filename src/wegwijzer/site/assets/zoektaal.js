/* The search page's language tools, the same for both search backends (no DOM here).
 *
 * A resident's query becomes "concepts": the meaningful words (stop words and question
 * filler dropped), each with the site words that stand for it. A concept's words come from
 *   - the word itself, when it occurs on the site;
 *   - another form of it that does ("eenzame" -> "eenzaam"; a light Dutch key, below),
 *     and, for a word that is on the site, its other forms there ("schuld" -> "schulden");
 *   - a correction: the nearest site word with the same first letter within edit distance
 *     1 (4-7 letters) or 2 (longer), a swap of two neighbouring letters counting as one;
 *     words from names, keywords, themes and roles first, then the most used;
 *   - its parts, when it is a compound that is not on the site ("buurthuisactiviteit");
 *   - two query words written apart that form a site word ("dag besteding");
 *   - the other phrases of its group in search/synoniemen.yaml that occur on the site.
 * The vocabulary (zoeken/woorden-<letter>.<hash>.json, made by search/vocabulary.py, one
 * file per first letter) is loaded only for the first letters of the query's words, and only
 * the files a word needs: a Vocabulary notes in `wanted` each letter it was asked about
 * but does not have, and the page loads the first of those and asks again (zoeken.js
 * withVocabulary), so a file is loaded only when the answer really depends on it.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  var MIN_PART = 3;  // the shortest compound part ("dag")

  function plain(w) { return String(w).toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""); }
  // search/morphology.py fold(): plain, and the letters Unicode does not decompose written
  // plainly (Turkish ı, Polish ł, ...), apostrophes inside a word (Ukrainian б'є) and the
  // Arabic tatweel dropped. The crisis signals and the woordenboek are compared this way.
  var FOLD = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "'": "", "’": "", "ـ": ""};
  function fold(w) { return plain(w).replace(/[ıłøđßæœ'’ـ]/g, function (c) { return FOLD[c]; }); }
  var TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  function tokens(q) { return (String(q).match(TOKEN) || []).map(fold); }
  function words(q) { return (String(q).match(WORD) || []).map(plain); }
  function hasDigit(w) { return /\p{N}/u.test(w); }

  // Two forms of one Dutch word get one key: plural -en/-s, adjective -e, a doubled
  // consonant or vowel, z/v for s/f ("eenzame"/"eenzaam", "schulden"/"schuld",
  // "huizen"/"huis", "brieven"/"brief", "problemen"/"probleem"); and the sounds Dutch
  // writes two ways, after the first letter (which the files of the vocabulary go by):
  // ei/ij, au/ou, and eau/o in French loanwords ("buro"/"bureau", "kado"/"cadeau").
  function key(w) {
    w = plain(w);
    w = w.charAt(0) + w.slice(1).replace(/eau/g, "o").replace(/ij/g, "ei").replace(/au/g, "ou");
    var m = /^(.{3,}?)(en|s|e)$/.exec(w);
    if (m) w = m[1];
    w = w.replace(/([^aeiou])\1$/, "$1").replace(/z$/, "s").replace(/v$/, "f");
    return w.replace(/([aeiou])\1/g, "$1");
  }

  // Edit distance with a swap of two neighbouring letters counting as one (optimal
  // string alignment), stopping early once it exceeds `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur.push(d);
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function allowed(w) { return w.length < 4 ? 0 : (w.length <= 7 ? 1 : 2); }

  // The file a word is in: its first letter (a-z), else "_" (search/vocabulary.py first_letter).
  function letterOf(p) { var c = plain(p).charAt(0); return c >= "a" && c <= "z" ? c : "_"; }

  // The vocabulary, filled one file at a time with add(letter, {"woorden": "a b c", "gewicht": "1b9"}).
  function Vocabulary() {
    this.words = [];
    this.plain = {};  // plain form -> index
    this.keys = {};  // key -> index of the best word with that key
    this.byKey = {};  // key -> indexes of every word with that key
    this.plainList = [];  // plain forms, in the files' order
    this.sorted = [];  // plain forms, sorted, for prefix look-ups
    this.rank = [];  // preference: important words first, then by pages that use them
    this.letters = {};  // the files that are loaded
    this.all = false;  // every file is loaded
    this.wanted = [];  // files look-ups needed but did not have, first asked first ("*": all)
    this.lemmas = {};  // typed form -> {words: the site words of its lemma}
    this.starts = {};  // "first+second": the first two words of a woordenboek phrase that begins with a site word
  }
  // A file of forms (zoeken/vormen-<letter>): "loopt,lopen:liep,gelopen;…", the site words of
  // one lemma, then the forms a resident may type. Asked for as "~<letter>" (see covers).
  Vocabulary.prototype.addForms = function (letter, data) {
    String(data && data.vormen || "").split(";").forEach(function (entry) {
      var colon = entry.indexOf(":");
      if (colon < 1) return;
      var words = entry.slice(0, colon).split(",");
      entry.slice(colon + 1).split(",").forEach(function (form) { if (form) this.lemmas[form] = {words: words}; }, this);
    }, this);
    this.letters["~" + letter] = true;
  };
  Vocabulary.prototype.add = function (letter, data) {
    var list = String(data.woorden || "").split(" ").filter(Boolean), weights = String(data.gewicht || "");
    String(data.begrippen || "").split(" ").forEach(function (w) { if (w) this.starts[w] = true; }, this);
    for (var n = 0; n < list.length; n++) {
      var c = weights.charCodeAt(n) || 49, important = c >= 97, i = this.words.length;
      this.words.push(list[n]);
      this.rank.push((important ? 10 : 0) + (important ? c - 96 : c - 48));
      var p = plain(list[n]);
      this.plain[p] = i;
      this.plainList.push(p);
      this.sorted.push(p);
      var k = key(p), had = this.keys[k];
      if (had === undefined || this.rank[i] > this.rank[had]) this.keys[k] = i;
      (this.byKey[k] = this.byKey[k] || []).push(i);
    }
    this.sorted.sort();
    this.letters[letter] = true;
  };
  // Is the file of this word loaded? If not, note that it is wanted.
  Vocabulary.prototype.covers = function (p) {
    var l = letterOf(p);
    if (this.all || this.letters[l]) return true;
    if (this.wanted.indexOf(l) < 0) this.wanted.push(l);
    return false;
  };
  Vocabulary.prototype.has = function (w) { return this.covers(w) && this.plain.hasOwnProperty(plain(w)); };
  // The site words of the same lemma ("liep" -> ["lopen", "loopt"]; from the lemma list, at
  // build time), or null when the list does not know the word.
  Vocabulary.prototype.sameLemma = function (w) {
    if (!this.coversForms(w)) return null;
    var found = this.lemmas[plain(w)];
    return found ? found.words : null;
  };
  Vocabulary.prototype.coversForms = function (p) {
    var l = "~" + letterOf(p);
    if (this.letters[l]) return true;
    if (this.wanted.indexOf(l) < 0) this.wanted.push(l);
    return false;
  };
  // Another form of the word that the site uses, or null.
  Vocabulary.prototype.form = function (w) {
    if (!this.covers(w)) return null;  // a key keeps the first letter
    var same = this.sameLemma(w);
    if (same && same.length) return same[0];
    var forms = [w, w + "en", w + "e"];  // "poets" is a form of "poetsen"
    for (var f = 0; f < forms.length; f++) {
      var i = this.keys[key(forms[f])];
      if (i !== undefined) return this.words[i];
    }
    return null;
  };
  // The site's other forms of a word that is on the site ("schuld" -> "schulden"), best
  // first: Pagefind's stemmer does not always bring them together ("schulden" -> "schul").
  Vocabulary.prototype.forms = function (w, most) {
    if (!this.covers(w)) return null;
    var p = plain(w), rank = this.rank;
    var found = (this.byKey[key(p)] || []).filter(function (i) { return this.plainList[i] !== p; }, this);
    found.sort(function (a, b) { return rank[b] - rank[a]; });
    var out = found.map(function (i) { return this.words[i]; }, this);
    // The same lemma's site words too, when the forms file is loaded already (a word on the site
    // does not load it: its key's forms are enough).
    var same = this.letters["~" + letterOf(p)] ? this.lemmas[p] : null;
    (same ? same.words : []).forEach(function (s) { if (plain(s) !== p && out.indexOf(s) < 0) out.unshift(s); });
    return out.slice(0, most);
  };
  // Site compounds whose last part is the word ("betalen" -> "afbetalen"), best first.
  Vocabulary.prototype.endings = function (w, most) {
    var p = plain(w), found = [];
    if (!this.all) { if (this.wanted.indexOf("*") < 0) this.wanted.push("*"); return []; }  // any first letter
    for (var i = 0; i < this.plainList.length; i++) {
      var s = this.plainList[i];
      if (s.length > p.length + 2 && s.slice(-p.length) === p) found.push(i);
    }
    var rank = this.rank;
    found.sort(function (a, b) { return rank[b] - rank[a]; });
    return found.slice(0, most).map(function (i) { return this.words[i]; }, this);
  };
  // The longest site word the word begins or ends with (5 letters or more): the known half
  // of a compound whose other half is not on the site ("energiebesparing" -> "energie").
  Vocabulary.prototype.knownPart = function (w) {
    var p = plain(w);
    for (var n = p.length - 3; n >= 5; n--) {
      var head = this.part(p.slice(0, n)), tail = this.part(p.slice(p.length - n));
      if (tail) return tail;
      if (head) return head;
    }
    return null;
  };
  // The word begins a site word ("mantel" -> "mantelzorg"): Pagefind finds it as typed.
  Vocabulary.prototype.begins = function (w) {
    var p = plain(w), lo = 0, hi = this.sorted.length;
    if (!this.covers(p)) return false;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (this.sorted[mid] < p) lo = mid + 1; else hi = mid; }
    return lo < this.sorted.length && this.sorted[lo].indexOf(p) === 0;
  };
  // The nearest site word within `max` edits: fewest edits, then the preferred word.
  // Filler words are never a correction, and a correction keeps the first letter (people
  // seldom get that one wrong; "zoon" must not become "woon"), so it needs one file only.
  Vocabulary.prototype.correct = function (w, max, skip) {
    var p = plain(w), best = null, bestD = max + 1, bestRank = -1;
    if (max < 1 || !this.covers(p)) return null;
    for (var i = 0; i < this.words.length; i++) {
      var s = this.plainList[i];
      if (Math.abs(s.length - p.length) > max || s[0] !== p[0] || (skip && skip[s])) continue;
      var d = distance(p, s, Math.min(max, bestD));
      if (d < bestD || (d === bestD && d <= max && this.rank[i] > bestRank)) {
        best = this.words[i]; bestD = d; bestRank = this.rank[i];
      }
    }
    return bestD <= max ? best : null;
  };
  // A site word for a compound part: the part itself or another form of it.
  Vocabulary.prototype.part = function (p) {
    if (p.length < MIN_PART) return null;
    if (this.has(p)) return this.words[this.plain[plain(p)]];
    return p.length >= 4 ? this.form(p) : null;
  };
  // A compound that is not on the site, as two or three site words, longest parts first
  // (a linking s or e between parts is dropped: "verslavingszorg" -> verslaving + zorg).
  Vocabulary.prototype.split = function (w, depth) {
    var p = plain(w), found = null, score = -1;
    for (var i = p.length - MIN_PART; i >= MIN_PART; i--) {
      var left = this.part(p.slice(0, i));
      if (!left) continue;
      var rest = p.slice(i), options = [rest];
      if (/^[se]/.test(rest) && rest.length > MIN_PART) options.push(rest.slice(1));
      for (var o = 0; o < options.length; o++) {
        var right = this.part(options[o]);
        var parts = right ? [left, right] : (depth ? null : this.split(options[o], 1));
        if (!right && parts) parts = [left].concat(parts);
        if (!parts) continue;
        // Fewest parts, then the most even split (no three-letter scraps when avoidable).
        var s = 100 - parts.length * 10 + Math.min.apply(null, parts.map(function (x) { return x.length; }));
        if (s > score) { score = s; found = parts; }
      }
    }
    return found;
  };

  // The query's words, each marked as filler or not, in order.
  function analyse(q, language) {
    var filler = {};
    (language.vulwoorden || []).forEach(function (w) { filler[plain(w)] = true; });
    return words(q).map(function (w) { return {word: w, filler: !!filler[w]}; });
  }

  // Synonym groups: phrase (plain, words joined by spaces) -> the group's on-site phrases.
  function synonymIndex(language) {
    var byPhrase = {}, byKey = {};
    (language.synoniemen || []).forEach(function (g) {
      g.alle.forEach(function (phrase) {
        var ws = words(phrase);
        byPhrase[ws.join(" ")] = g.zoek;
        if (ws.length === 1) byKey[key(ws[0])] = g.zoek;
      });
    });
    return {phrase: byPhrase, key: byKey, longest: 3};
  }

  // Split the query into concepts. A phrase of a synonym group (up to three words, filler
  // included: "rood staan", "veilig thuis") is one concept; every other meaningful word is one.
  function concepts(q, language) {
    var toks = analyse(q, language), syn = synonymIndex(language), out = [];
    for (var i = 0; i < toks.length;) {
      var taken = 0;
      for (var n = Math.min(syn.longest, toks.length - i); n >= 2 && !taken; n--) {
        var phrase = toks.slice(i, i + n).map(function (t) { return t.word; }).join(" ");
        if (syn.phrase[phrase]) {
          out.push({text: phrase, words: [phrase], synonyms: syn.phrase[phrase], phrase: true, pos: i});
          taken = n;
        }
      }
      if (taken) { i += taken; continue; }
      if (!toks[i].filler) out.push({text: toks[i].word, words: [], synonyms: null, phrase: false, pos: i});
      i += 1;
    }
    return {concepts: out, tokens: toks, synonymIndex: syn};
  }

  // --- crisis signals (search/crisis.yaml, compiled by search/pagelanguage.py) ---------------
  // A rule is [kind, order, words, not]; each word lists the folded forms it may take: a form
  // ending in * is a beginning, one between two * stands anywhere in a typed word. A rule
  // matches when every word has its own token (or two tokens written apart: "zelf moord"):
  // for a rule in any order (order 0) all within WINDOW tokens; for a rule in order (order:
  // per word how many other tokens may stand before it) in that order. Long words forgive a
  // typo, like a correction.
  // Typos are forgiven in words of FUZZY letters or more (one) and FUZZY2 or more (two): shorter
  // words have too many neighbours ("stoppen" is one letter from "stompen").
  var WINDOW = 8, FUZZY = 8, FUZZY2 = 11;
  function Crisis(data) {
    var never = {};
    (data && data.nooit || []).forEach(function (w) { never[w] = true; });
    this.never = never;
    this.kinds = data && data.soorten || [];
    // Rules share words (a group such as @persoon is in dozens): each is compiled once, and its
    // places in a question are found once per question (spans).
    var compiled = {};
    var compile = function (options) {
      var key = options.join("|");
      return compiled[key] || (compiled[key] = compileWord(options));
    };
    this.rules = (data && data.regels || []).map(function (r) {
      return {kind: r[0], ordered: Array.isArray(r[1]), between: r[1] || [], words: r[2].map(compile),
              not: (r[3] || []).map(compile)};
    });
    this.seen = {q: null, kinds: null};
  }
  function compileWord(options) {
    var word = {exact: {}, prefix: [], inside: [], fuzzy: [], fuzzyPrefix: []};
    options.forEach(function (o) {
      if (o.charAt(0) === "*" && o.length > 2 && o.slice(-1) === "*") word.inside.push(o.slice(1, -1));
      else if (o.slice(-1) === "*") { word.prefix.push(o.slice(0, -1)); if (o.length > FUZZY) word.fuzzyPrefix.push(o.slice(0, -1)); }
      else { word.exact[o] = true; if (o.length >= FUZZY && !/\p{N}/u.test(o)) word.fuzzy.push(o); }
    });
    return word;
  }
  function wordMatches(word, t) {
    if (word.exact[t]) return true;
    var i;
    for (i = 0; i < word.prefix.length; i++) if (t.indexOf(word.prefix[i]) === 0) return true;
    for (i = 0; i < word.inside.length; i++) if (t.indexOf(word.inside[i]) >= 0) return true;
    for (i = 0; i < word.fuzzy.length; i++) {
      var f = word.fuzzy[i], max = f.length >= FUZZY2 ? 2 : 1;
      if (Math.abs(f.length - t.length) <= max && distance(t, f, max) <= max) return true;
    }
    for (i = 0; i < word.fuzzyPrefix.length; i++) {  // "zelfmoort", "zelfmoortgedachten"
      var p = word.fuzzyPrefix[i], most = p.length >= FUZZY2 ? 2 : 1;
      for (var n = p.length - most; n <= p.length + most; n++) {
        if (n <= t.length && distance(t.slice(0, n), p, most) <= most) return true;
      }
    }
    return false;
  }
  // Where each word of a rule occurs: [{from, to}] spans of one token or two written apart.
  function spans(word, toks, never) {
    var key = toks.join(" ");
    if (word.spansOf === key) return word.spans;
    var out = [];
    for (var i = 0; i < toks.length; i++) {
      if (!never[toks[i]] && wordMatches(word, toks[i])) out.push({from: i, to: i});
      if (i + 1 < toks.length && wordMatches(word, toks[i] + toks[i + 1])) out.push({from: i, to: i + 1});
    }
    word.spansOf = key;
    word.spans = out;
    return out;
  }
  function ruleMatches(rule, toks, never) {
    var places = [];
    for (var k = 0; k < rule.words.length; k++) {
      var found = spans(rule.words[k], toks, never);
      if (!found.length) return false;
      places.push(found);
    }
    // A word the rule must not meet ("slaat … over" is skipping a meal, not hitting).
    if (rule.not.some(function (w) { return spans(w, toks, never).length; })) return false;
    return choose(places, 0, [], rule.ordered, rule.between);
  }
  function choose(places, n, taken, ordered, between) {
    if (n === places.length) return true;
    for (var i = 0; i < places[n].length; i++) {
      var s = places[n][i], ok = true;
      for (var j = 0; j < taken.length && ok; j++) ok = s.to < taken[j].from || s.from > taken[j].to;
      if (!ok) continue;
      if (ordered && n > 0) {
        var prev = taken[n - 1];
        if (s.from <= prev.to || s.from - prev.to - 1 > (between[n] || 0)) continue;
      }
      var all = taken.concat([s]);
      var lo = Math.min.apply(null, all.map(function (x) { return x.from; }));
      var hi = Math.max.apply(null, all.map(function (x) { return x.to; }));
      if (hi - lo >= WINDOW && !ordered) continue;
      if (choose(places, n + 1, all, ordered, between)) return true;
    }
    return false;
  }
  // The kinds of danger a question signals, in the order of the rules (empty: none).
  Crisis.prototype.kindsOf = function (q) {
    if (this.seen.q === q) return this.seen.kinds.slice();  // the page asks twice per search
    var toks = tokens(q), found = [];
    this.rules.forEach(function (rule) {
      var kind = this.kinds[rule.kind];
      if (toks.length && found.indexOf(kind) < 0 && ruleMatches(rule, toks, this.never)) found.push(kind);
    }, this);
    this.seen = {q: q, kinds: found.slice()};
    return found;
  };

  // --- the woordenboek (search/woordenboek.yaml): a resident's words, in six languages ----------
  // Loaded one file per first letter (zoeken/begrippen-<bucket>.<hash>.json), like the
  // vocabulary. find(tokens) returns, longest phrases first, what to search for on this site.
  // The woordenboek file of a word (search/pagelanguage.py bucket): its first two letters a-z,
  // else "u" and the code points of its first two characters, "_" for a digit.
  function bucketOf(w) {
    var first = Array.from(fold(w)).slice(0, 2);
    if (first.length && first.every(function (c) { return c >= "a" && c <= "z"; })) return first.join("");
    if (!first.length || !/\p{L}/u.test(first[0])) return "_";
    return "u" + first.map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }
  // Arabic writes "and", "with", "for", "like" and "the" onto the word (والديون, بالديون,
  // للأطفال): the woordenboek lists the bare word, so a word is also looked up without them.
  var ARABIC = /^[\u0600-\u06ff]+$/;
  var ARABIC_CONJUNCTION = /^[وف](?=..)/, ARABIC_ARTICLE = /^(?:بال|كال|لل|ال|ب|ل|ك)(?=..)/;
  function bareForms(tok) {
    if (!ARABIC.test(tok)) return [tok];
    var out = [tok], rest = tok.replace(ARABIC_CONJUNCTION, "");
    if (rest !== tok) out.push(rest);
    [tok, rest].forEach(function (t) {
      var bare = t.replace(ARABIC_ARTICLE, "");
      if (bare !== t && out.indexOf(bare) < 0) out.push(bare, "ال" + bare);
    });
    return out;
  }
  // maxPhrase: the longest phrase the woordenboek may hold (#zoek-taal "zinlengte", set by the build);
  // endings: #zoek-taal "uitgangen" (search/pagelanguage.py ENDINGS): the languages whose words
  // take more endings than the build lists (Turkish, Polish, ...), met in another form by
  // nearest() and likeForm(), with the numbers likeForm() uses.
  function Lexicon(maxPhrase, endings) {
    this.entries = {}; this.buckets = {}; this.maxPhrase = maxPhrase || 1; this.foreign = [];
    this.endings = endings || {talen: []};
  }
  Lexicon.prototype.add = function (bucket, data) {
    // {"zoek": [[site words], ...], "woorden": {word: [language, number in zoek]}}
    var words = data && data.woorden || {}, search = data && data.zoek || [];
    Object.keys(words).forEach(function (k) {
      var entry = [words[k][0]].concat(search[words[k][1]] || []);
      entry.weak = words[k][2] === 1;  // from a dictionary, not the curated woordenboek
      this.entries[k] = entry;
      if (this.endings.talen.indexOf(entry[0]) >= 0) this.foreign.push({key: k, words: k.split(" "), entry: entry});
    }, this);
    this.buckets[bucket] = true;
  };
  // [{from, to, text, lang, words, fuzzy}] for the query's tokens: at each place the longest
  // phrase the woordenboek knows (its language, the site words to search), and the tokens it
  // covers are not looked up again. Where nothing is known as typed, a word of another
  // language in a form the woordenboek does not list ("sandalyeye", "допомогу") may still meet
  // an entry that differs only in its ending (likeForm); such a hit is `fuzzy`, and the page
  // drops it when the site has the word as typed (a Dutch word). `skip`: Dutch filler words,
  // which never start such a hit.
  Lexicon.prototype.find = function (toks, skip) {
    var out = [];
    for (var i = 0; i < toks.length;) {
      var hit = this.exact(toks, i) || (skip && skip[toks[i]] ? null : this.nearest(toks, i));
      if (hit) { out.push(hit); i = hit.to + 1; } else i += 1;
    }
    return out;
  };
  Lexicon.prototype.exact = function (toks, i) {
    for (var n = Math.min(this.maxPhrase, toks.length - i); n >= 1; n--) {
      var phrases = n > 1 ? [toks.slice(i, i + n).join(" ")] : bareForms(toks[i]);
      for (var k = 0; k < phrases.length; k++) {
        var found = this.entries[phrases[k]];
        if (found) return {from: i, to: i + n - 1, text: toks.slice(i, i + n).join(" "), lang: found[0],
                           words: found.slice(1), weak: found.weak};
      }
    }
    return null;
  };
  Lexicon.prototype.nearest = function (toks, i) {
    if (toks[i].length < this.endings.min) return null;
    var best = null, bestScore = 0, endings = this.endings;
    this.foreign.forEach(function (f) {
      if (i + f.words.length > toks.length) return;
      var score = 0;
      for (var k = 0; k < f.words.length; k++) {
        var t = toks[i + k], w = f.words[k];
        var same = t === w ? w.length : likeForm(t, w, endings);
        if (!same) return;
        score += same;
      }
      score += 100 * f.words.length;  // the longest phrase first, then the closest
      if (score > bestScore) { best = f; bestScore = score; }
    });
    if (!best) return null;
    return {from: i, to: i + best.words.length - 1, text: toks.slice(i, i + best.words.length).join(" "),
            lang: best.entry[0], words: best.entry.slice(1), fuzzy: true};
  };
  // Two forms of one word that differ only in their ending: they share all but the last
  // `los` letters of the listed word, and at least `min`, and the typed one is at most
  // `langer` letters longer (Turkish and Polish endings). The shared length, or 0.
  function likeForm(typed, listed, e) {
    if (listed.length < e.min || typed.length < e.min - 1 || typed.length > listed.length + e.langer) return 0;
    var n = 0;
    while (n < typed.length && n < listed.length && typed.charAt(n) === listed.charAt(n)) n++;
    return n >= Math.max(e.min, listed.length - e.los) ? n : 0;
  }

  window.WegwijzerZoektaal = {
    plain: plain, fold: fold, tokens: tokens, words: words, key: key, distance: distance, allowed: allowed,
    hasDigit: hasDigit, Vocabulary: Vocabulary, letterOf: letterOf, analyse: analyse, concepts: concepts,
    synonymIndex: synonymIndex, Crisis: Crisis, Lexicon: Lexicon, bucketOf: bucketOf, bareForms: bareForms, likeForm: likeForm
  };
})();
