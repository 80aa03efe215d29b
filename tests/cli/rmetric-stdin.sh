# Standard input, GB18030 detected, CRLF line ends: the same rows.
printf '改造管网800公里、600公里，分别增长18.6%%、13.4%%。\r\n' | iconv -f UTF-8 -t GB18030 | rmetric -N
