# AMEND recomputes the reservation: if the extra does not fit in available it is rejected
# INSUFFICIENT_FUNDS and the order stays exactly as it was (price, qty and queue place);
# an extra equal to available fits; a lower BUY price releases funds.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,2,USD,1000
DEPOSIT,0,3,BTC,10
# reserves 500, available 500
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,50,10
PLACE,1,2,101,BTC-USD,BUY,LIMIT,GTC,50,1
# 101*10 = 1010, extra 510 > 500
AMEND,2,1,100,101,
# 50*21 = 1050, extra 550 > 500
AMEND,2,1,100,,21
# 100 kept its place: it fills first (filled 1, open 9, reserved 450)
PLACE,3,3,102,BTC-USD,SELL,LIMIT,IOC,50,1
# total 20 -> open 19: 950, extra 500 = available 500
AMEND,4,1,100,,20
# 100 lost its place: 101 first, then 100 (open 18, reserved 900)
PLACE,5,3,103,BTC-USD,SELL,LIMIT,IOC,50,2
# sell side: account 3 has 7 BTC; reserves 5, 2 available
PLACE,6,3,104,BTC-USD,SELL,LIMIT,GTC,60,5
AMEND,7,3,104,,8
AMEND,7,3,104,,7
# 40*18 = 720: 180 released
AMEND,8,1,100,40,
