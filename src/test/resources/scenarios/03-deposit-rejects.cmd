# DEPOSIT: INVALID_AMOUNT for amount <= 0 and when available + reserved + amount exceeds
# Long.MAX_VALUE (9223372036854775807); reserved funds count. A rejected deposit creates no account.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,0
DEPOSIT,0,1,USD,-10
# account 1 still does not exist
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,1,1
# MAX - 7
DEPOSIT,1,1,USD,9223372036854775800
# reserves 5: available 9223372036854775795, reserved 5
PLACE,2,1,101,BTC-USD,BUY,LIMIT,GTC,5,1
# 9223372036854775795 + 5 + 8 = MAX + 1 -> INVALID_AMOUNT
DEPOSIT,3,1,USD,8
# + 7 = MAX exactly -> accepted (available 9223372036854775802, reserved 5)
DEPOSIT,3,1,USD,7
DEPOSIT,3,1,USD,1
# other assets and other accounts are separate balances
DEPOSIT,4,1,BTC,9223372036854775807
DEPOSIT,4,2,EUR,9223372036854775807
