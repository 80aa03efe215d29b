# Loads each table with the R recipe of rkit(7) and dumps it (see
# compare.py), then counts the rows of each table whose doc, sect are in
# its set's para table.
# usage: Rscript r.R 'RECIPE' TABLES OUTDIR, RECIPE the read.csv(...) call
# of rkit(7) on 't.csv'; TABLES lines of NAME<TAB>SET<TAB>FILE.csv
a <- commandArgs(trailingOnly = TRUE)
recipe <- a[1]
tables <- read.delim(a[2], header = FALSE, quote = "", col.names = c("name", "set", "path"),
                     colClasses = "character")
out <- a[3]
esc <- function(v) {
	if (is.numeric(v)) {
		s <- ifelse(v == round(v) & abs(v) < 1e15, sprintf("%.0f", v), sprintf("%.17g", v))
	} else {
		s <- as.character(v)
		s <- gsub("\\", "\\\\", s, fixed = TRUE)
		s <- gsub("\t", "\\t", s, fixed = TRUE)
		s <- gsub("\n", "\\n", s, fixed = TRUE)
		s <- gsub("\r", "\\r", s, fixed = TRUE)
	}
	s[is.na(v)] <- "\\N"
	s
}
loaded <- list()
for (i in seq_len(nrow(tables))) {
	call <- sub("'t.csv'", deparse(tables$path[i]), recipe, fixed = TRUE)
	t <- eval(parse(text = call))
	loaded[[tables$name[i]]] <- t
	cols <- lapply(t, esc)
	lines <- c(paste(paste0(names(t), ":", sapply(t, class)), collapse = "\t"),
	           if (nrow(t)) do.call(paste, c(cols, sep = "\t")))
	con <- file(file.path(out, paste0(tables$name[i], ".dump")), "wb")
	writeLines(enc2utf8(lines), con, useBytes = TRUE)
	close(con)
}
j <- character(0)
for (i in seq_len(nrow(tables))) {
	n <- tables$name[i]
	p <- paste0(tables$set[i], "_para")
	t <- loaded[[n]]
	if (n == p || is.null(loaded[[p]]) || !("sect" %in% names(t)))
		next
	keys <- unique(loaded[[p]][c("doc", "sect")])
	j <- c(j, paste(n, nrow(merge(t[c("doc", "sect")], keys))))
}
writeLines(j, file.path(out, "joins"))
