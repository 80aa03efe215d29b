printf "r1\t一、甲\\\\n（一）乙\\\\n正文。\nr2\t二、丙\n" | rhead -N --id 1 --text 2
