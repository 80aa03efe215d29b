# Quoted phrases per document, per section and overall; titles; the
# default mode is -q.  A quote broken across lines is joined, as the reader
# joins the lines.
cat >r.txt <<'EOF'
某区住房和城乡建设局2025年工作总结
一、主要工作及成效
（一）坚持政治引领，落实“两个维护”
局党组坚持“第一议题”制度，严格落实“三会一课”，全年开展“四下基层”调研12次。深入学习《中国共产党纪律处分条例》和《关于〈条例〉的说明》。
（二）推进“城市更新
三年行动”取得实效
完成老旧小区改造“一区一策”方案，推进“一老一小”服务设施建设。落实“1+3+N”政策体系，
实施“十项行动”，开展“”空引号和“ ”空白引号检查。
二、存在的问题
一是“两个维护”落实有差距；二是“三会一课”质量不高。
EOF
rcount r.txt
rcount -q --by sect r.txt
rcount --by all --min 2 r.txt
rcount -b -N r.txt
