# Han characters past the BMP (CJK Extension B: 𠀀 𠮷, in names and places)
# after a measure word: the subject walk once indexed a 64 Ki-bit table with
# them (an out-of-bounds read, caught by the sanitizer build).
printf '建成22个𠀀党支部，新增3家𠮷野家门店。\n' | rmetric -N | cut -f 5,6,7,10
