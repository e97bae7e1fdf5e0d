module example.com/badpolicy

go 1.26
