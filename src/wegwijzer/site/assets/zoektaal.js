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
  }
  Vocabulary.prototype.add = function (letter, data) {
    var list = String(data.woorden || "").split(" ").filter(Boolean), weights = String(data.gewicht || "");
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
  // Another form of the word that the site uses, or null.
  Vocabulary.prototype.form = function (w) {
    if (!this.covers(w)) return null;  // a key keeps the first letter
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
    return found.slice(0, most).map(function (i) { return this.words[i]; }, this);
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

  window.WegwijzerZoektaal = {
    plain: plain, words: words, key: key, distance: distance, allowed: allowed, hasDigit: hasDigit,
    Vocabulary: Vocabulary, letterOf: letterOf, analyse: analyse, concepts: concepts, synonymIndex: synonymIndex
  };
})();
