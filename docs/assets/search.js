/* Site search: Pagefind's index in Material's search box (overrides/partials/search.html).
 *
 * `make site` builds the index into site/pagefind/ after mkdocs (pagefind.yml). A query
 * downloads only the parts of the index it needs, so the first result comes about as fast at
 * 5,000 pages as at 50 (bench/README.md). Everything is loaded from the site itself.
 *
 * Material's search plugin is off; this gives its search box the behaviour readers know:
 * "/", "s" or "f" opens it, results come as one types, the arrow keys move through them, Enter
 * opens the chosen (or the first) one, Escape closes. Material's instant navigation swaps the
 * page but not the header, so this runs once per full page load and goes on working after.
 */
(() => {
  "use strict";

  const form = document.forms.namedItem("pagefind");
  if (!form) return; // Zensical: its own search, its own markup

  const PAGE = 10; // results shown at once; the "more" button shows the next ones
  const SECTIONS = 2; // sections of a result page linked under it (by their heading)
  const DEBOUNCE_MS = 120; // a pause in typing before a query runs (each key preloads already)
  // Entity pages list every sentence that mentions them, so they grow with the corpus and
  // are the longest pages; Pagefind's default length normalisation (0.75) would rank a short
  // source that names someone twice above that person's own page.
  const RANKING = { pageLength: 0.3 };

  const dialog = form.closest(".md-search");
  const input = form.elements.namedItem("query");
  const toggle = document.getElementById("__search");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const more = dialog.querySelector(".md-search-result__more-button");
  // Resolved once, against the page the site was entered on: the header is not replaced.
  const bundle = new URL(form.dataset.index, location.href).href;

  let pagefind = null; // the module, loaded when the reader first goes to the search box
  let latest = 0; // the number of the latest query: answers to older ones are dropped
  let pending = []; // results of the latest query not shown yet

  function load() {
    pagefind ??= import(bundle).then(async (module) => {
      await module.options({ ranking: RANKING });
      await module.init();
      return module;
    });
    return pagefind;
  }

  async function update() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      pending = [];
      show(ticket, query, meta.dataset.placeholder, []);
      return;
    }
    let module;
    try {
      module = await load();
    } catch {
      pending = [];
      show(ticket, query, meta.dataset.unavailable, []);
      return;
    }
    module.preload(query);
    const search = await module.debouncedSearch(query, {}, DEBOUNCE_MS);
    if (search === null || ticket !== latest) return;
    const count = search.results.length;
    const summary = count === 0 ? meta.dataset.none
      : count === 1 ? meta.dataset.one : meta.dataset.other.replace("#", count.toLocaleString());
    pending = search.results;
    show(ticket, query, summary, take());
  }

  /* The next PAGE results; each one's data (title, excerpt, sections: a fragment of the index
     of a few KB) is fetched now, all at once. */
  function take() {
    const page = pending.slice(0, PAGE).map((result) => result.data());
    pending = pending.slice(PAGE);
    return page;
  }

  /* Results in their order, each as soon as its data has come (the first need not wait for
     the longest page's); then the list says which query it answers, for the browser tests. */
  async function show(ticket, query, summary, data, append = false) {
    let first = true;
    for (const promise of data) {
      const result = item(await promise);
      if (ticket !== latest) return;
      if (first && !append) {
        meta.textContent = summary;
        list.replaceChildren(result);
      } else {
        list.append(result);
      }
      if (first && append) result.querySelector("a").focus();
      first = false;
    }
    if (ticket !== latest) return;
    if (first && !append) {
      meta.textContent = summary;
      list.replaceChildren();
    }
    list.dataset.query = query;
    more.hidden = pending.length === 0;
  }

  function showMore() {
    show(latest, list.dataset.query, meta.textContent, take(), true);
  }

  /* A result in Material's markup: the page (title, kind, excerpt), then its best sections. */
  function item(data) {
    const li = element("li", "md-search-result__item");
    const title = data.meta.title || data.url;
    li.append(link(data.url, "h1", title, data.excerpt, data.meta.kind));
    // Pagefind's sections include the page's own top (its URL, or its title's anchor).
    const sections = data.sub_results.filter((sub) => sub.url.includes("#") && sub.title !== title);
    for (const sub of sections.slice(0, SECTIONS)) li.append(link(sub.url, "h2", sub.title, sub.excerpt));
    return li;
  }

  function link(url, heading, title, excerpt, kind) {
    const a = element("a", "md-search-result__link");
    a.href = url;
    const article = element("article", "md-search-result__article md-typeset");
    if (heading === "h1") article.append(element("div", "md-search-result__icon md-icon"));
    const h = element(heading);
    h.textContent = title;
    article.append(h);
    if (kind) {
      const tag = element("span", "md-tag");
      tag.textContent = kind;
      const tags = element("div", "md-tags");
      tags.append(tag);
      article.append(tags);
    }
    const p = element("p");
    p.append(...marked(excerpt));
    article.append(p);
    a.append(article);
    return a;
  }

  /* Pagefind's excerpt is page text with "<" and ">" escaped and <mark> around the words
     found. It is parsed inert (a template element runs nothing) and only its text and its
     marks are kept: source text never becomes markup. */
  function marked(excerpt) {
    const template = document.createElement("template");
    template.innerHTML = excerpt;
    return [...template.content.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = element("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function element(name, className) {
    const node = document.createElement(name);
    if (className) node.className = className;
    return node;
  }

  /* Open and close as Material does: its toggle (#__search) drives the styles, and Material
     listens to its change event (it stops the page scrolling under the dialog on phones). */
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  function open() {
    setOpen(true);
    input.focus();
    input.select();
  }

  function close() {
    setOpen(false);
    input.blur();
  }

  function focusables() {
    return [input, ...list.querySelectorAll("a[href]"), ...(more.hidden ? [] : [more])];
  }

  input.addEventListener("focus", () => {
    setOpen(true);
    load().catch(() => {}); // start fetching the index while the reader types
  });
  input.addEventListener("input", update);
  toggle.addEventListener("change", () => (toggle.checked ? input.focus() : input.blur()));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { update(); input.focus(); }));
  more.addEventListener("click", showMore);
  // Following a result closes the dialog; Material's instant navigation loads the page.
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) setOpen(false);
  });
  // Tabbing out of the dialog closes it, as clicking outside it does (on its overlay).
  dialog.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !dialog.contains(event.relatedTarget)) setOpen(false);
  });

  window.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
      if (!typing && ["/", "s", "f"].includes(event.key)) {
        event.preventDefault();
        open();
      }
      return;
    }
    const targets = focusables();
    const at = targets.indexOf(document.activeElement);
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        close();
        break;
      case "Enter":
        if (document.activeElement === input) {
          event.preventDefault();
          list.querySelector("a[href]")?.click();
        }
        break;
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        targets[(Math.max(at, 0) + step + targets.length) % targets.length].focus();
        break;
      }
      default:
        // A letter typed on a result goes to the query, as in Material's search.
        if (at > 0 && event.key.length === 1 && event.key !== " ") input.focus();
    }
  });
})();
