# A unit from -U that begins with 千 or 百 keeps it, as the built-in 千米 and
# 百分点 do: 300千焦 is 300 千焦, not 300000 焦 (or 300千 with no unit).
printf '一、情况\n每份餐食热量300千焦，建成道路5千米，播种面积350千公顷，比重提高2个百分点。\n' >r.txt
printf '千焦\n' >units.txt
rmetric -N -U units.txt r.txt | cut -f 5-7
echo ---
rmetric -N r.txt | cut -f 5-7
