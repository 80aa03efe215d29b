# a document whose report year is not found says so once, and goes on:
# the period is left empty where it depends on the year (a year named in
# the sentence, 到2030年, still gives one); a report with its title year
# says nothing
printf '一、工作回顾\n全年完成投资8.6亿元，新增就业1200人。\n力争到2030年建成10个园区。\n' >r.txt
printf '2026年某市政府工作报告\n一、2025年工作回顾\n全年完成投资8.6亿元。\n二、2026年重点工作\n新建学校3所。\n' >y.txt
rmetric -N r.txt y.txt | cut -f 1,5,11,12
