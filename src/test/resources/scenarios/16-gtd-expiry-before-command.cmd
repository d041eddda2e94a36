# GTD expiry runs before any command with time T (not only TICK): the CANCELED ... EXPIRED events
# carry that command's seq and come before its own events; this holds for rejected commands too,
# an expired order cannot be cancelled at its expiry time, and its id is free for the same command.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTD:5,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTD:8,100,2
PLACE,1,2,102,BTC-USD,SELL,LIMIT,GTC,105,2
DEPOSIT,5,3,USD,500
# 101 expires first, so the buy only meets 102 at 105: 2 fill, 1 rests at 105
PLACE,8,1,103,BTC-USD,BUY,LIMIT,GTC,105,3
PLACE,9,1,104,BTC-USD,BUY,LIMIT,GTD:12,90,1
CANCEL,12,1,104
PLACE,13,1,105,BTC-USD,BUY,LIMIT,GTD:15,90,1
PLACE,15,1,105,BTC-USD,BUY,LIMIT,GTC,91,1
PLACE,16,1,106,BTC-USD,BUY,LIMIT,GTD:18,80,1
PLACE,18,9,107,BTC-USD,BUY,LIMIT,GTC,1,1
# account 1 USD: 10000 - 210 paid = 9790, reserved 105 (103) + 91 (105) = 196, available 9594
