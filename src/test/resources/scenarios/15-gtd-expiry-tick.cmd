# GTD expiry via TICK: expires at the first command whose time >= expiry; a TICK that expires
# nothing prints nothing but still takes a sequence number; expiry releases the reservation.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTD:10,50,4
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTD:20,60,3
# seq 6: nothing
TICK,9
# seq 7: 100 expires (10 <= 10)
TICK,10
# seq 8: nothing
TICK,15
# seq 9: time jumps past 20
TICK,25
DEPOSIT,26,1,USD,1
