# Records CPython's random draws for micrograd-java's PythonRandomTest (python3 python_random_fixture.py > python-random.txt)
import random, sys
print("# python", sys.version.split()[0])
for seed in (0, 42, 7, 4294967295):
    r = random.Random(seed)
    print(f"seed {seed}")
    print("random", " ".join(repr(r.random()) for _ in range(5)))
    print("getrandbits", " ".join(str(r.getrandbits(k)) for k in (1, 5, 15, 31)))
    print("randbelow", " ".join(str(r._randbelow(n)) for n in (1, 2, 3, 10, 1000, 32033)))
    xs = list(range(20)); r.shuffle(xs)
    print("shuffle20", " ".join(map(str, xs)))
    print("gauss", " ".join(repr(r.gauss(0, 0.08)) for _ in range(5)))
    w = [0.1, 0.0, 2.5, 1e-3, 0.7]
    print("choices", " ".join(str(r.choices(range(5), weights=w)[0]) for _ in range(10)))
