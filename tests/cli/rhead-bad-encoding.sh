rhead -E NO-SUCH-CODE a.txt
