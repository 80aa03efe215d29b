# Values too long for a plain decimal (once a buffer overrun): exponent form.
printf '一、总体情况\n全年完成投资0.%s2亿元，新增1亿亿亿亿亿亿亿亿亿元。\n' "$(printf '%070d' 0)" | rmetric | cut -f 6,7
