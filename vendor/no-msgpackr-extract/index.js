// msgpackr loads its optional native decoder inside try/catch and uses its JavaScript one when this throws.
throw new Error('msgpackr-extract is not installed: using the JavaScript decoder')
