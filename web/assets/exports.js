// Exports of the conversation: a list answer as CSV (one row per cited sheet) and the whole
// conversation as Markdown with its sources. Pure functions of the answers, plus a download.
import { t, fieldLabel } from "./i18n.js";

const ficheUrl = (id) => `${location.origin}/fiches/${encodeURIComponent(id)}`;

/** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value) {
  const text = String(value ?? "");
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per citation of a list answer: city, sheet title, link, cited passage. */
export function answerAsCsv(result) {
  const rows = [t("csvHeader"), ...result.citations.map((c) => [c.city, c.title, ficheUrl(c.ficheId), c.excerpt])];
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const stripMarkers = (text) => text.replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, "");

/** The conversation as Markdown: each question, its answer, its sources with links. */
export function conversationAsMarkdown(entries) {
  const out = [`# ${t("mdTitle")}`, ""];
  entries.forEach(({ question, result }, i) => {
    out.push(`## ${t("mdQuestion")} ${i + 1}`, "", ...question.split("\n").map((l) => `> ${l}`), "", `**${t("mdAnswer")}**`, "");
    out.push(result.answer.trim().replace(/\[(\d+)\]/g, "[^$1-" + (i + 1) + "]"), "");
    if (result.citations.length) {
      out.push(`${t("sources")} :`, "");
      for (const c of result.citations) {
        out.push(`[^${c.n}-${i + 1}]: ${c.city} — [${c.title}](${ficheUrl(c.ficheId)}) — ${fieldLabel(c.field, c.fieldLabel)} : « ${stripMarkers(c.excerpt)} »`);
      }
      out.push("");
    }
  });
  return out.join("\n");
}

/** Offers `text` as a file download. */
export function download(filename, text, type) {
  // the BOM lets spreadsheet programs read the accents of a CSV as UTF-8
  const blob = new Blob([type.startsWith("text/csv") ? "\ufeff" : "", text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
