<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Bands</name>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="38"/>
        <source>ReLUs died</source>
        <translation>ReLU 死了</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="39"/>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="40"/>
        <source>outputs saturated</source>
        <translation>输出饱和</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="41"/>
        <source>weights blew up</source>
        <translation>权重爆炸</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="216"/>
        <source>Layer {0}, since epoch {1}: {2}</source>
        <translation>第 {0} 层，从第 {1} 轮起：{2}</translation>
    </message>
</context>
<context>
    <name>BandsView</name>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="113"/>
        <source>Each layer&apos;s weights, epoch by epoch (light: smallest to largest; dark: the middle half; line: the median), and under them the size of its gradients, |∂L/∂W|, on a log scale (each step down is ten times smaller; 0 is drawn at -12). Red: where a finding began.</source>
        <translation>每一层的权重，逐轮显示（浅色：从最小到最大；深色：中间的一半；线：中位数），下面是它的梯度大小 |∂L/∂W|，对数刻度（每往下一格小十倍；0 画在 -12）。红色：某个发现开始的地方。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="183"/>
        <source>Layer {0} ({1} {2}): weights</source>
        <translation>第 {0} 层（{1} 个 {2}）：权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/bands_view.py" line="185"/>
        <source>Layer {0}: log₁₀ |gradient|</source>
        <translation>第 {0} 层：log₁₀ |梯度|</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <location filename="../../playground/gui/widgets/boundary_plot.py" line="67"/>
        <source>The network&apos;s answer at every point of the plane, from -6 to 6 on both axes. Left click: add a point of the chosen class; right click: remove the nearest point; Shift+click: inspect one training step on the nearest point.</source>
        <translation>网络在平面上每一点的回答，两个坐标轴都从 -6 到 6。左键：添加一个所选类别的点；右键：删除最近的点；Shift+左键：查看最近那个点上的一步训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/boundary_plot.py" line="98"/>
        <source>Neuron {0} of layer {1} (click it again to go back)</source>
        <translation>第 {1} 层的第 {0} 个神经元（再点一次返回）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/boundary_plot.py" line="101"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>Bugs</name>
    <message>
        <location filename="../../playground/nn/bugs.py" line="35"/>
        <source>Error sign and update sign disagree</source>
        <translation>误差符号与更新符号不一致</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="36"/>
        <source>The error is computed as target − output but the update still subtracts it (or the other way round).</source>
        <translation>误差按 目标 − 输出 计算，更新却仍然减去它（或者反过来）。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="39"/>
        <source>Every step goes uphill: gradient ascent. The loss grows instead of falling.</source>
        <translation>每一步都往上坡走：梯度上升。损失不降反升。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="42"/>
        <source>No learning rate (summed step)</source>
        <translation>没有学习率（梯度求和步长）</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="43"/>
        <source>weights += gradient summed over the whole batch, with no learning rate.</source>
        <translation>weights += 整个批次上求和的梯度，没有学习率。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="46"/>
        <source>The step grows with the batch: on 10,000 images it is thousands of times too large, so every sigmoid saturates and the gradients vanish.</source>
        <translation>步长随批次大小增长：在 10,000 张图像上它大了几千倍，于是每个 sigmoid 都饱和，梯度消失。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="49"/>
        <source>No bias</source>
        <translation>没有偏置</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="50"/>
        <source>The neurons have weights but no bias term.</source>
        <translation>神经元有权重但没有偏置项。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="51"/>
        <source>Every neuron outputs f(0) for an all-zero input, whatever it learns: some functions cannot be fitted at all.</source>
        <translation>对全零输入，每个神经元无论学到什么都输出 f(0)：有些函数根本无法拟合。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="54"/>
        <source>σ′ applied to the activation, not to z</source>
        <translation>σ′ 作用在激活值上，而不是 z 上</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="55"/>
        <source>Backprop multiplies by σ′(a) = σ(a)(1 − σ(a)) where a = σ(z) is the activation, instead of by σ′(z) = a(1 − a).</source>
        <translation>反向传播乘的是 σ′(a) = σ(a)(1 − σ(a))（其中 a = σ(z) 是激活值），而不是 σ′(z) = a(1 − a)。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="58"/>
        <source>The gradient is wrong (a gradient check fails), but it often still points roughly downhill, so training can look half-fine and the bug hides.</source>
        <translation>梯度是错的（梯度检查不通过），但它往往仍大致指向下坡，所以训练看起来还算正常，这个错误就藏起来了。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="62"/>
        <source>Naive sigmoid 1/(1 + exp(−z))</source>
        <translation>朴素 sigmoid 1/(1 + exp(−z))</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="63"/>
        <source>sigmoid(z) = 1/(1 + exp(−z)) computed directly.</source>
        <translation>直接计算 sigmoid(z) = 1/(1 + exp(−z))。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="64"/>
        <source>For z below about −709, exp(−z) overflows to inf and NumPy warns; the value (0) is still right, but the warnings flood the output and hide real problems.</source>
        <translation>当 z 小于约 −709 时，exp(−z) 溢出为 inf，NumPy 会发出警告；结果（0）仍然正确，但警告会淹没输出，掩盖真正的问题。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="68"/>
        <source>Uniform ±1 initial weights</source>
        <translation>均匀分布 ±1 的初始权重</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="69"/>
        <source>Weights drawn from U(−1, 1) whatever the layer&apos;s width.</source>
        <translation>无论层有多宽，权重都从 U(−1, 1) 中抽取。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/bugs.py" line="70"/>
        <source>On wide layers (784 inputs) each weighted sum is huge, so sigmoids start saturated and learn slowly or not at all.</source>
        <translation>在宽的层上（784 个输入）每个加权和都很大，所以 sigmoid 一开始就饱和，学得很慢或根本学不动。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../playground/learner/check.py" line="100"/>
        <source>LAYERS must be a list of unit counts: inputs, hidden..., outputs</source>
        <translation>LAYERS 必须是各层单元数的列表：输入、隐藏层……、输出</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="103"/>
        <source>ACTIVATION must be one of {names}</source>
        <translation>ACTIVATION 必须是以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="106"/>
        <source>OUTPUT must be one of {outputs}, LOSS one of {losses}, BIAS True or False</source>
        <translation>OUTPUT 必须是 {outputs} 之一，LOSS 必须是 {losses} 之一，BIAS 为 True 或 False</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="145"/>
        <source>not the template: line {line}: {error}</source>
        <translation>不符合模板：第 {line} 行：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="150"/>
        <source>not the template: the file needs a forward(params, x) and a backward(params, activations, y)</source>
        <translation>不符合模板：文件需要一个 forward(params, x) 和一个 backward(params, activations, y)</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="173"/>
        <source>{name} must be a plain value (a number, a string, a list, True or False): the playground reads it without running your file</source>
        <translation>{name} 必须是一个普通的值（数字、字符串、列表、True 或 False）：playground 不运行你的文件就读取它</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="209"/>
        <source>BIAS = False: no neuron has a bias, so an input of all zeros gives the first layer the same output whatever its weights ({f0}); such a network cannot map 0 to 0 and 1 to 1. Set BIAS = True.</source>
        <translation>BIAS = False：没有神经元有偏置，所以全零输入无论权重是多少都给出相同的第一层输出（{f0}）；这样的网络无法把 0 映射到 0、把 1 映射到 1。请设置 BIAS = True。</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="214"/>
        <source>ACTIVATION = &quot;linear&quot;: a stack of linear layers is one linear map, so the hidden layers add nothing; XOR needs a non-linear activation.</source>
        <translation>ACTIVATION = &quot;linear&quot;：线性层叠加起来仍是一个线性映射，隐藏层没有任何作用；XOR 需要非线性激活函数。</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="267"/>
        <source>python2: your file is Python 2; it was checked as Python 3, with these changes, each on your own line: {changes}</source>
        <translation>python2：你的文件是 Python 2；检查时按 Python 3 运行，改动都在你自己的那一行上：{changes}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="189"/>
        <source>{message} (line {line}). NumPy 1.24 and later refuse np.array of arrays of different shapes, which older NumPy made into an array of objects (code from tutorials before 2023 relies on it): keep the arrays in a list, or write np.array(..., dtype=object)</source>
        <translation>{message}（第 {line} 行）。NumPy 1.24 及以后的版本不再接受把形状不同的数组交给 np.array，旧版 NumPy 会把它们做成对象数组（2023 年以前的教程代码依赖这一点）：把这些数组放在列表里，或者写 np.array(..., dtype=object)</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="194"/>
        <location filename="../../playground/learner/verdicts.py" line="84"/>
        <source>{message} (line {line})</source>
        <translation>{message}（第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="290"/>
        <source>what your functions returned cannot be compared: {error}</source>
        <translation>你的函数返回的结果无法比较：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="300"/>
        <source>{name} is over {kb} kB</source>
        <translation>{name} 超过 {kb} kB</translation>
    </message>
    <message>
        <location filename="../../playground/learner/check.py" line="304"/>
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}：无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="47"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="48"/>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="66"/>
        <source>layer {layer}&apos;s activations differ from the playground&apos;s: a wrong activation, or a missing or extra bias?</source>
        <translation>第 {layer} 层的激活值与 playground 的不同：激活函数写错了，还是少了或多了偏置？</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="72"/>
        <source>every array agrees with the playground&apos;s to {rtol:g} relative: your backprop is right</source>
        <translation>每个数组都与 playground 的一致（相对误差 {rtol:g} 以内）：你的反向传播是对的</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="81"/>
        <source>forward returned {got} arrays; it should return {want}: [x, a1, ..., a_out]</source>
        <translation>forward 返回了 {got} 个数组；应当返回 {want} 个：[x, a1, ..., a_out]</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="86"/>
        <source>activation {index} has shape {shape}, expected {want}</source>
        <translation>激活值 {index} 的形状是 {shape}，应为 {want}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="90"/>
        <source>backward returned {got} layers, expected {want}</source>
        <translation>backward 返回了 {got} 层，应为 {want} 层</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="97"/>
        <source>backward returns no weight gradient for layer {layer}</source>
        <translation>backward 没有返回第 {layer} 层的权重梯度</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="100"/>
        <source>layer {layer}&apos;s weight gradient has shape {shape}, expected {want} (transposed?)</source>
        <translation>第 {layer} 层权重梯度的形状是 {shape}，应为 {want}（转置了？）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="103"/>
        <source>layer {layer}&apos;s weight gradient has shape {shape}, expected {want}</source>
        <translation>第 {layer} 层权重梯度的形状是 {shape}，应为 {want}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="118"/>
        <source>layer {layer} has a bias but backward returns no gradient for it (none, or zeros): the bias never learns</source>
        <translation>第 {layer} 层有偏置，但 backward 没有返回它的梯度（没有，或者全是零）：这个偏置永远学不到东西</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="136"/>
        <source>layer {layer}&apos;s {name} gradient is all zeros: that layer never learns</source>
        <translation>第 {layer} 层的{name}梯度全是零：这一层永远学不到东西</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="140"/>
        <source>layer {layer}&apos;s {name} gradient has shape {shape}, expected {want}</source>
        <translation>第 {layer} 层{name}梯度的形状是 {shape}，应为 {want}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="144"/>
        <source>layer {layer}&apos;s {name} gradient is exactly the negative of the right one: error and update signs disagree, so training climbs the loss</source>
        <translation>第 {layer} 层的{name}梯度恰好是正确梯度的相反数：误差与更新的符号不一致，训练在往损失的上坡走</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="154"/>
        <source>f′ is taken at the activation a instead of at z</source>
        <translation>f′ 是在激活值 a 处取的，而不是在 z 处</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="156"/>
        <source>a hidden δ is missing its f′(z)</source>
        <translation>隐藏层的 δ 缺少了 f′(z)</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="157"/>
        <source>layer {layer}&apos;s {name} gradient: {what}</source>
        <translation>第 {layer} 层的{name}梯度：{what}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="160"/>
        <source>layer {layer}&apos;s {name} gradient is wrong (the first wrong layer counting from the output), in a way not recognised</source>
        <translation>第 {layer} 层的{name}梯度是错的（从输出层往回数第一个出错的层），错误方式无法识别</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="176"/>
        <source>layer {layer}&apos;s {name} gradient is the right one times {factor:.4g} (summed over the batch instead of averaged)</source>
        <translation>第 {layer} 层的{name}梯度是正确梯度的 {factor:.4g} 倍（在批次上求和而不是求平均）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="179"/>
        <source>layer {layer}&apos;s {name} gradient is the right one times {factor:.4g} (the negative of the gradient summed over the batch: target − output, not averaged)</source>
        <translation>第 {layer} 层的{name}梯度是正确梯度的 {factor:.4g} 倍（在批次上求和的梯度的相反数：用了 目标 − 输出，且没有求平均）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="183"/>
        <source>layer {layer}&apos;s {name} gradient is the right one times {factor:.4g} (MSE without its ½: a convention, not a bug, but it doubles the step)</source>
        <translation>第 {layer} 层的{name}梯度是正确梯度的 {factor:.4g} 倍（MSE 少了 ½：这是一种约定，不是错误，但步长翻倍）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="186"/>
        <source>layer {layer}&apos;s {name} gradient is the right one times {factor:.4g}</source>
        <translation>第 {layer} 层的{name}梯度是正确梯度的 {factor:.4g} 倍</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="227"/>
        <source>update returned no {key} of shape {shape} for layer {layer}</source>
        <translation>update 没有为第 {layer} 层返回形状为 {shape} 的 {key}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="234"/>
        <source>update returns layer {layer}&apos;s weights unchanged: nothing learns</source>
        <translation>update 原样返回了第 {layer} 层的权重：什么也学不到</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="238"/>
        <source>update adds the gradient: it climbs the loss instead of descending it</source>
        <translation>update 加上了梯度：它在让损失上升而不是下降</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="242"/>
        <source>update moves by the whole gradient: it ignores the learning rate</source>
        <translation>update 按整个梯度移动：它忽略了学习率</translation>
    </message>
    <message>
        <location filename="../../playground/learner/compare.py" line="245"/>
        <source>layer {layer}&apos;s update is not W − lr·∂L/∂W</source>
        <translation>第 {layer} 层的更新不是 W − lr·∂L/∂W</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="125"/>
        <source>your code&apos;s process answered with something that is not an answer ({error})</source>
        <translation>运行你的代码的进程返回了不是答案的内容（{error}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="132"/>
        <source>the check was cancelled</source>
        <translation>检查已取消</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="135"/>
        <source>your code did not finish within {seconds:g} s (an endless loop?)</source>
        <translation>你的代码没有在 {seconds:g} 秒内结束（死循环？）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="157"/>
        <source>your code&apos;s process was ended by signal {signal} ({name}) before it answered</source>
        <translation>运行你的代码的进程在回答之前被信号 {signal}（{name}）结束</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="161"/>
        <source>your code&apos;s process crashed ({name}, status 0x{status}) before it answered</source>
        <translation>你的代码所在的进程在回答之前崩溃了（{name}，状态 0x{status}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="165"/>
        <source>your code ended its own process (exit code {code}, as os._exit does) before it answered: a function should return its arrays</source>
        <translation>你的代码在回答之前结束了自己的进程（退出码 {code}，如 os._exit 那样）：函数应当返回它的数组</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="168"/>
        <source>your code&apos;s process closed its connection and did not end</source>
        <translation>运行你的代码的进程关闭了连接，但没有结束</translation>
    </message>
    <message>
        <location filename="../../playground/learner/sandbox.py" line="141"/>
        <source>your code ran out of memory ({mb} MB)</source>
        <translation>你的代码内存用尽（{mb} MB）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="31"/>
        <source>Python cannot read your file: line {line}: {error}</source>
        <translation>Python 读不懂你的文件：第 {line} 行：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="101"/>
        <source>row convention (x @ W)</source>
        <translation>行约定（x @ W）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="102"/>
        <source>column convention (W @ x)</source>
        <translation>列约定（W @ x）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="103"/>
        <source>one number per weight (w * x)</source>
        <translation>每个权重一个数（w * x）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="112"/>
        <source>a bias in every layer</source>
        <translation>每层都有偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="113"/>
        <source>no bias</source>
        <translation>没有偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="114"/>
        <source>a bias in some layers</source>
        <translation>部分层有偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="119"/>
        <source>{layers}, {bias}, {convention}, {samples:,} samples a step; weights: {weights}; inputs: {inputs}; targets: {targets}</source>
        <translation>{layers}，{bias}，{convention}，每步 {samples:,} 个样本；权重：{weights}；输入：{inputs}；目标：{targets}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/program_check.py" line="123"/>
        <source>{layers}, {bias}, {convention}, {samples:,} samples a step; weights: {weights}</source>
        <translation>{layers}，{bias}，{convention}，每步 {samples:,} 个样本；权重：{weights}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="23"/>
        <source>each update is a step down the gradient of the {loss} of {network}: {rate:.4g} × the gradient of the loss summed over the {n:,} samples ({mean:.4g} × that of its mean over the samples)</source>
        <translation>每次更新都是沿 {network} 的{loss}梯度向下的一步：{rate:.4g} × 在 {n:,} 个样本上求和的损失的梯度（即 {mean:.4g} × 样本平均损失的梯度）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="27"/>
        <source>each update is a step down the gradient of the {loss} of {network}, one sample at a time: {rate:.4g} × the gradient</source>
        <translation>每次更新都是沿 {network} 的{loss}梯度向下的一步，一次一个样本：{rate:.4g} × 梯度</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="30"/>
        <source>line {line}: `{variable}` changes by the whole gradient, with no learning rate; and the gradient is summed over all {n:,} samples, so each step is {n:,} times the gradient of the mean loss. Multiply by a small rate and divide by the number of samples</source>
        <translation>第 {line} 行：`{variable}` 按整个梯度改变，没有学习率；而且梯度是在全部 {n:,} 个样本上求和的，所以每一步是平均损失梯度的 {n:,} 倍。请乘上一个小的学习率，并除以样本数</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="35"/>
        <source>line {line}: `{variable}` changes by the whole gradient, with no learning rate: multiply the gradient by a small rate before the update</source>
        <translation>第 {line} 行：`{variable}` 按整个梯度改变，没有学习率：更新前请把梯度乘上一个小的学习率</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="38"/>
        <source>line {line}: `{variable}` moves up the gradient of the {loss}, not down: the update adds what it should subtract (or the error is target − output with a subtracting update), so training climbs the loss</source>
        <translation>第 {line} 行：`{variable}` 沿{loss}的梯度向上走，而不是向下：更新把该减的加上了（或者误差写成了 目标 − 输出，更新却是减），所以训练在爬升损失</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="42"/>
        <source>line {line}: the update of `{variable}` is {factor:.4g} times what the gradient gives it, while the layers above agree with one learning rate: a factor is missing or extra in this layer&apos;s gradient</source>
        <translation>第 {line} 行：`{variable}` 的更新是梯度所给的 {factor:.4g} 倍，而上面各层都与同一个学习率相符：这一层的梯度少了或多了一个因子</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="46"/>
        <source>line {line}: `{variable}` multiplies by `{expression}`, the derivative taken of the activation a, which is already {activation}(z): take it at z, or write it from a itself ({derivative})</source>
        <translation>第 {line} 行：`{variable}` 乘上了 `{expression}`，这是对激活值 a 求的导数，而 a 已经是 {activation}(z)：请在 z 处求导，或者直接用 a 写出来（{derivative}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="50"/>
        <source>line {line}: the update of `{variable}` uses the derivative of the {activation} taken of the activation a, which is already {activation}(z): take it at z, or write it from a itself ({derivative})</source>
        <translation>第 {line} 行：`{variable}` 的更新用了对激活值 a 求的 {activation} 导数，而 a 已经是 {activation}(z)：请在 z 处求导，或者直接用 a 写出来（{derivative}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="54"/>
        <source>line {line}: the update of `{variable}` passes the error down to layer {layer} without the derivative of its {activation}: multiply the error by f′(z) there</source>
        <translation>第 {line} 行：`{variable}` 的更新把误差传到第 {layer} 层时没有乘上它的 {activation} 的导数：请在那里把误差乘以 f′(z)</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="58"/>
        <source>line {line}: the update of `{variable}` (layer {layer}) is not a step down the gradient, while the layers above it are, in a way not recognised: look at how the error is passed down to this layer</source>
        <translation>第 {line} 行：`{variable}`（第 {layer} 层）的更新不是沿梯度向下的一步，而它上面的各层是，错误的方式无法识别：请检查误差是怎样传到这一层的</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="62"/>
        <source>line {line}: the update of `{variable}` (the output layer) is not a step down the gradient of ½·squared error or cross-entropy of the output and the targets your program compares it with (line {error_line})</source>
        <translation>第 {line} 行：`{variable}`（输出层）的更新不是沿 ½·平方误差或交叉熵梯度向下的一步，这里的损失按你的程序拿来比较的输出和目标计算（第 {error_line} 行）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="66"/>
        <source>`{variable}` is added to layer {layer}&apos;s weighted sum (line {line}) but your training never changes it: its gradient is missing, so the bias never learns</source>
        <translation>`{variable}` 加在第 {layer} 层的加权和上（第 {line} 行），但你的训练从不改变它：它的梯度缺失了，所以这个偏置永远学不到东西</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="69"/>
        <source>line {line}: `{variable}` was {old} and is {new} after this update: its gradient has the wrong shape and NumPy broadcast it silently</source>
        <translation>第 {line} 行：`{variable}` 原来是 {old}，这次更新后变成了 {new}：它的梯度形状不对，NumPy 悄悄地做了广播</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="72"/>
        <source>line {line}: every unit of `{variable}` moves by the same amount: its gradient is summed over the units as well as the samples; sum over the samples only</source>
        <translation>第 {line} 行：`{variable}` 的每个单元都移动了同样的量：它的梯度不仅对样本求和，也对单元求和了；只应对样本求和</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="75"/>
        <source>the softmax of layer {layer} (line {line}) is normalised over the samples instead of the classes: each sample&apos;s probabilities must add up to 1</source>
        <translation>第 {layer} 层的 softmax（第 {line} 行）是在样本上归一化的，而不是在类别上：每个样本的概率之和必须为 1</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="78"/>
        <source>line {line}: `{variable}` adds each step&apos;s gradient to the last ones and is never set back to zero, so the second step moves by the sum of two steps&apos; gradients</source>
        <translation>第 {line} 行：`{variable}` 把每一步的梯度加到之前的梯度上，却从不清零，所以第二步按两步梯度之和移动</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="81"/>
        <source>line {line}: `{expression}` combined arrays of shapes {a} and {b} into {result}: NumPy broadcast them silently; both should have the same shape</source>
        <translation>第 {line} 行：`{expression}` 把形状 {a} 和 {b} 的数组合成了 {result}：NumPy 悄悄地做了广播；两者应该形状相同</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="85"/>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="86"/>
        <source>your program {how} without updating an array its output is computed from: the check found no training step (an update such as W -= lr * dW)</source>
        <translation>你的程序{how}，却没有更新任何用来计算输出的数组：检查没有找到训练步骤（像 W -= lr * dW 这样的更新）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="89"/>
        <source>the check saw your program update {names} but could not find {what}, so it cannot judge the gradient</source>
        <translation>检查看到你的程序更新了 {names}，但找不到{what}，所以无法判断梯度</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="92"/>
        <source>line {line}: your program updates `{variable}`, but the check could not see it used in the forward pass it found ({network}), so it cannot judge the gradient</source>
        <translation>第 {line} 行：你的程序更新了 `{variable}`，但检查在它找到的前向计算（{network}）中看不到它被使用，所以无法判断梯度</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="95"/>
        <source>line {line}: your forward pass uses `{op}`, which the check cannot differentiate yet, so it cannot judge the gradient</source>
        <translation>第 {line} 行：你的前向计算用到了 `{op}`，检查暂时还不能对它求导，所以无法判断梯度</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="98"/>
        <source>no layer of your network has a bias: for an input of all zeros every neuron of the first layer gives {f0} whatever its weights, so what the network outputs for that input is left to the layers above alone. Add a bias to each layer</source>
        <translation>你的网络没有一层有偏置：对全零的输入，第一层的每个神经元都给出 {f0}，不管权重是多少，所以网络对这个输入的输出只能靠上面的层。请给每一层加上偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="102"/>
        <source>no layer of your network has a bias: for input 0 its first neuron gives {f0} whatever its weight, so with one neuron per layer it cannot map 0 to 0 and 1 to 1 (an output near 0 for input 0 needs a last weight far below 0, which pulls the output for 1 towards 0 as well). Add a bias to each layer</source>
        <translation>你的网络没有一层有偏置：输入为 0 时，第一个神经元给出 {f0}，不管权重是多少，所以每层只有一个神经元时，它无法把 0 映射到 0、把 1 映射到 1（要让输入 0 的输出接近 0，最后一个权重必须远小于 0，这会把输入 1 的输出也拉向 0）。请给每一层加上偏置</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="107"/>
        <source>line {line}: np.array of arrays of different shapes, which NumPy 1.24 and later refuse (older NumPy made an array of objects, and tutorials before 2023 rely on it): the check went on as old NumPy did; for today&apos;s NumPy keep the arrays in a list, or write np.array(..., dtype=object)</source>
        <translation>第 {line} 行：对形状不同的数组调用了 np.array，NumPy 1.24 及以后会拒绝（旧版 NumPy 会生成对象数组，2023 年以前的教程依赖这一点）：检查按旧版 NumPy 的做法继续了；在今天的 NumPy 上，请把这些数组放在列表里，或者写成 np.array(..., dtype=object)</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="112"/>
        <source>your file is Python 2; it was checked as Python 3, with these changes, each on your own line: {changes}</source>
        <translation>你的文件是 Python 2；检查时把它当作 Python 3，做了以下改动，每处都在你自己的行上：{changes}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="117"/>
        <source>ran to its end</source>
        <translation>运行到了结尾</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="117"/>
        <source>ran</source>
        <translation>运行了</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="118"/>
        <source>the output and the targets (an output − target)</source>
        <translation>输出和目标（一个 输出 − 目标）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="119"/>
        <source>the product of a parameter with the inputs</source>
        <translation>参数与输入的乘积</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="120"/>
        <source>½·squared error</source>
        <translation>½·平方误差</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="121"/>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../../playground/learner/verdicts.py" line="122"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
</context>
<context>
    <name>CodeDiagram</name>
    <message>
        <location filename="../../playground/gui/widgets/code_diagram.py" line="29"/>
        <source>Your network as the check built it; a red layer is where a finding points (errors flow backward: the first wrong layer from the output).</source>
        <translation>检查时搭建的你的网络；红色的层是发现问题的地方（误差向后传播：从输出层数起第一个出错的层）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_diagram.py" line="64"/>
        <source>Check draws your network here, the layer a finding points to in red.</source>
        <translation>“检查”会在这里画出你的网络，发现问题的那一层标为红色。</translation>
    </message>
</context>
<context>
    <name>CodeTab</name>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="86"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="87"/>
        <source>Open your own .py file.</source>
        <translation>打开你自己的 .py 文件。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="88"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="89"/>
        <source>Save the code shown.</source>
        <translation>保存显示的代码。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="90"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="102"/>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="103"/>
        <source>Your code files opened or saved lately.</source>
        <translation>最近打开或保存的代码文件。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="108"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="116"/>
        <source>How long your code may run before the check gives up on it (an endless loop is ended then).</source>
        <translation>你的代码最多可以运行多久，超过就放弃检查（死循环会在那时被终止）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="121"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="126"/>
        <source>Train with my code</source>
        <translation>用我的代码训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="153"/>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="195"/>
        <source>Open your code</source>
        <translation>打开你的代码</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="196"/>
        <location filename="../../playground/gui/widgets/code_tab.py" line="245"/>
        <source>Python (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="206"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="217"/>
        <location filename="../../playground/gui/widgets/code_tab.py" line="238"/>
        <source>{0}: press Check</source>
        <translation>{0}：请按“检查”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="239"/>
        <source>{0}: press Check, then Train with my code</source>
        <translation>{0}：请按“检查”，然后按“用我的代码训练”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="244"/>
        <source>Save your code</source>
        <translation>保存你的代码</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="251"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="253"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="266"/>
        <source>Checking… (your code runs in a process of its own, {0:g} s at most)</source>
        <translation>正在检查…（你的代码在单独的进程中运行，最多 {0:g} 秒）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="279"/>
        <source>Back to the playground&apos;s own code: the {0} tab goes on with its backprop.</source>
        <translation>回到 playground 自己的代码：{0} 标签页用它的反向传播继续训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="298"/>
        <source>your network — {0}</source>
        <translation>你的网络 — {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="322"/>
        <source>Your program cannot train: the check found no network in it (see the findings).</source>
        <translation>你的程序无法训练：检查没有在其中找到网络（见发现）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="332"/>
        <source>Training with your program: the curves follow it here, the boundary in its tab; each epoch is one of its steps.</source>
        <translation>正在用你的程序训练：曲线在这里跟随它，决策边界在它的标签页里；每个 epoch 就是它的一步。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_findings.py" line="21"/>
        <source>layer {0}, {1}: </source>
        <translation>第 {0} 层，{1}：</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="305"/>
        <source>note — {0}</source>
        <translation>提示 — {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="342"/>
        <source>Your backprop agrees with the playground&apos;s.</source>
        <translation>你的反向传播与 playground 的一致。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="338"/>
        <source>{0} finding(s): the first is where to look</source>
        <translation>{0} 个发现：先看第一个</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="28"/>
        <source>A correct network (the template)</source>
        <translation>一个正确的网络（模板）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="29"/>
        <source>“My MNIST network&apos;s outputs all drop to zero”</source>
        <translation>“我的 MNIST 网络的输出全都掉到了零”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="31"/>
        <source>“Two neurons cannot learn 0 → 0 and 1 → 1”</source>
        <translation>“两个神经元学不会 0 → 0 和 1 → 1”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="34"/>
        <source>“My network learns OR but rarely AND or XOR”</source>
        <translation>“我的网络学得会 OR，却很少学得会 AND 或 XOR”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="38"/>
        <source>As written: the MNIST network (seed 000)</source>
        <translation>原样：MNIST 网络（seed 000）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="40"/>
        <source>As written: the two neurons, in Python 2 (seed 001)</source>
        <translation>原样：两个神经元，Python 2（seed 001）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_examples.py" line="42"/>
        <source>As written: the XOR class (seed 002)</source>
        <translation>原样：XOR 类（seed 002）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="91"/>
        <source>The learners&apos; own networks, as they wrote them and rewritten into the template: check them to see what went wrong.</source>
        <translation>学习者自己的网络，按他们写的原样，以及改写成模板的版本：检查一下，看看哪里出了错。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="109"/>
        <source>Your program as you wrote it: run until it has taken a few training steps, its network found and each update compared with the true gradient. A file in the template: its functions on the playground&apos;s weights, every array compared (Ctrl+Return).</source>
        <translation>你按原样写的程序：运行到完成几步训练为止，找出它的网络，并把每次更新与真正的梯度比较。模板格式的文件：在 playground 的权重上运行它的函数，比较每个数组（Ctrl+Return）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="123"/>
        <source>Check runs your program as you wrote it (or a file in the template) and says what is wrong, in your own names.</source>
        <translation>检查会运行你按原样写的程序（或模板格式的文件），并用你自己的变量名说出哪里错了。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="127"/>
        <source>Watch your own code learn, stall or explode, live: your program runs its own loop and the tab follows its weights (a template file: its forward, backward and update) (Ctrl+Shift+Return).</source>
        <translation>实时看你自己的代码学习、停滞或爆炸：你的程序运行它自己的循环，标签页跟随它的权重（模板格式的文件：用它的 forward、backward 和 update）（Ctrl+Shift+Return）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_findings.py" line="29"/>
        <source>Double-click to go to line {0}</source>
        <translation>双击跳到第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="341"/>
        <source>Each update of your program is a step down the gradient.</source>
        <translation>你的程序的每次更新都是沿梯度向下的一步。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="356"/>
        <source>The check failed: {0}: {1}</source>
        <translation>检查失败：{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="329"/>
        <location filename="../../playground/gui/widgets/code_tab.py" line="375"/>
        <source>Your code cannot train: {0}</source>
        <translation>你的代码无法训练：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="367"/>
        <source>Checking your program first: it trains as soon as its network is found.</source>
        <translation>先检查你的程序：一找到它的网络就开始训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_tab.py" line="380"/>
        <source>Training with your code: the curves follow it here, the boundary in its tab.</source>
        <translation>正在用你的代码训练：曲线显示在这里，决策边界在它所在的标签页。</translation>
    </message>
</context>
<context>
    <name>CodeTraining</name>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="40"/>
        <source>Training with your code</source>
        <translation>用你的代码训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="46"/>
        <source>Train with my code: your program&apos;s own loop (or your template&apos;s forward, backward and update) trains the network, and you watch it learn or fail.</source>
        <translation>用我的代码训练：由你的程序自己的循环（或你的模板里的 forward、backward 和 update）训练网络，你来看它学会还是失败。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="50"/>
        <location filename="../../playground/gui/widgets/code_training.py" line="189"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="51"/>
        <source>Pause, resume or train again.</source>
        <translation>暂停、继续或重新训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="53"/>
        <source>Show the boundary</source>
        <translation>查看决策边界</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="54"/>
        <source>Go to the tab that trains with your code: the boundary, the diagram and the health monitor follow it there.</source>
        <translation>转到用你的代码训练的标签页：决策边界、网络图和健康监视器都在那里跟着它。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="57"/>
        <source>Back to the playground&apos;s code</source>
        <translation>改回 playground 的代码</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="58"/>
        <source>Train this network with the playground&apos;s own backprop from here on.</source>
        <translation>从现在起用 playground 自己的反向传播训练这个网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="65"/>
        <source>What your code prints shows here.</source>
        <translation>你的代码打印的内容显示在这里。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="110"/>
        <source>LAYERS starts with {0} inputs; the tabs that train have {1}</source>
        <translation>LAYERS 以 {0} 个输入开头；能训练的标签页分别有 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="122"/>
        <source>your program&apos;s network has {0} inputs; the tabs that train have {1}</source>
        <translation>你的程序的网络有 {0} 个输入；能训练的标签页有 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="186"/>
        <source>Not training with your code: press Train with my code.</source>
        <translation>没有在用你的代码训练：请按“用我的代码训练”。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="189"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="190"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="199"/>
        <source>{0} training in the {1} tab</source>
        <translation>{0} 正在 {1} 标签页中训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="200"/>
        <source>epoch {0}</source>
        <translation>epoch {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="202"/>
        <source>loss {0:.4g}</source>
        <translation>损失 {0:.4g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="204"/>
        <source>accuracy {0:.1%}</source>
        <translation>准确率 {0:.1%}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="205"/>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/code_training.py" line="206"/>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../playground/timeline/compare.py" line="57"/>
        <location filename="../../playground/timeline/compare.py" line="69"/>
        <source>Run {number}</source>
        <translation>运行 {number}</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="58"/>
        <source>Run {number} ({edit} at epoch {fork:,})</source>
        <translation>运行 {number}（在 epoch {fork:,} 处{edit}）</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="74"/>
        <source>{run}: the {which} loss came down to {best:.3g} by epoch {reached:,} and was {final:.3g} at epoch {last:,}</source>
        <translation>{run}：{which}损失在 epoch {reached:,} 前降到 {best:.3g}，在 epoch {last:,} 时为 {final:.3g}</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="79"/>
        <source>{run}: {which} accuracy reached {best} at epoch {reached:,}</source>
        <translation>{run}：{which}准确率在 epoch {reached:,} 达到 {best}</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="82"/>
        <source>{run}: {which} accuracy reached {best} at epoch {reached:,} and was {final} at epoch {last:,}</source>
        <translation>{run}：{which}准确率在 epoch {reached:,} 达到 {best}，在 epoch {last:,} 时为 {final}</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="90"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="91"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="98"/>
        <source>One of the two runs has no epoch yet.</source>
        <translation>两次运行中有一次还没有任何 epoch。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="100"/>
        <source>{first}; {second}. {which}</source>
        <translation>{first}；{second}。{which}</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="110"/>
        <source>Both ended as low.</source>
        <translation>两者最后降得一样低。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="111"/>
        <source>{run} ended lower.</source>
        <translation>{run}最后更低。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="116"/>
        <source>{run} ended higher, by {points:.0f} points of accuracy.</source>
        <translation>{run}最后更高，准确率高 {points:.0f} 个百分点。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="121"/>
        <source>Both ended as high; {run} had been higher on the way, at {best}.</source>
        <translation>两者最后一样高；{run} 中途曾更高，达到 {best}。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="128"/>
        <source>Both got as far; {run} got there one epoch sooner.</source>
        <translation>两者达到的程度一样；{run} 早 1 个 epoch 达到。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="130"/>
        <source>Both got as far; {run} got there {epochs:,} epochs sooner.</source>
        <translation>两者达到的程度一样；{run} 早 {epochs:,} 个 epoch 达到。</translation>
    </message>
    <message>
        <location filename="../../playground/timeline/compare.py" line="125"/>
        <source>Both got as far, as fast.</source>
        <translation>两者达到的程度一样，速度也一样。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="56"/>
        <source>Compare two runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="63"/>
        <source>The run shown in this column</source>
        <translation>这一栏显示的运行</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="135"/>
        <source>{0} at epoch {1}</source>
        <translation>{0}，epoch {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="139"/>
        <source>Run {0}</source>
        <translation>运行 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="80"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/compare_dialog.py" line="81"/>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <location filename="../../playground/gui/widgets/mnist_results.py" line="33"/>
        <source>Rows: the true digit. Columns: what the network answered. The diagonal is right; a dark cell off it is a common mix-up. Click a cell to see those digits below.</source>
        <translation>行：真实的数字。列：网络的回答。对角线上是答对的；对角线以外颜色深的格子是常见的混淆。点击一个格子，在下面查看那些数字。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_results.py" line="76"/>
        <source>Train an epoch to see
which digits get mixed up</source>
        <translation>训练一个 epoch
看看哪些数字会被混淆</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="103"/>
        <source>Which points the network learns to separate. &quot;Your points&quot; starts empty: click to add.</source>
        <translation>网络要学会区分的点。“你的点”一开始是空的：点击来添加。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="109"/>
        <source>Number of classes (Gaussians, spiral and your own points); more than two needs a softmax output.</source>
        <translation>类别数（高斯、螺旋和你自己的点）；超过两类需要 softmax 输出。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="115"/>
        <source>Noise: how far points stray from the clean pattern.</source>
        <translation>噪声：点偏离干净图案的程度。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="117"/>
        <source>How many points to generate.</source>
        <translation>生成多少个点。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="122"/>
        <source>Share of points held out as a test set: the network never trains on them.</source>
        <translation>留作测试集的点所占比例：网络从不在这些点上训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="123"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="124"/>
        <source>Draw a new random set of points with the same settings.</source>
        <translation>用同样的设置重新随机生成一组点。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="127"/>
        <source>Feed {0} to the network as an input.</source>
        <translation>把 {0} 作为输入送进网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="131"/>
        <source>The class a left click on the plane adds; a right click removes the nearest point.</source>
        <translation>在平面上左键点击添加的类别；右键删除最近的点。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="133"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="134"/>
        <source>Load 2-D points from a CSV file: x1, x2, class label.</source>
        <translation>从 CSV 文件读入二维点：x1、x2、类别标签。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="140"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="142"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="143"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="144"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="145"/>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="146"/>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="148"/>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="152"/>
        <source>Your points</source>
        <translation>你的点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="154"/>
        <source>Click adds</source>
        <translation>点击添加</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="202"/>
        <source>Choose at least one input feature.</source>
        <translation>请至少选择一个输入特征。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="213"/>
        <source>Import points</source>
        <translation>导入点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="214"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="223"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="226"/>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="253"/>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="115"/>
        <source>How the training loss changed over the last epochs.</source>
        <translation>最近几个 epoch 训练损失的变化。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="119"/>
        <source>Check gradients</source>
        <translation>检查梯度</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="120"/>
        <source>Compare backprop&apos;s gradient with finite differences on a few training samples: a correct backward pass agrees to about 1e-9.</source>
        <translation>在几个训练样本上把反向传播的梯度与有限差分比较：正确的反向传播相差约 1e-9。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="124"/>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="213"/>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="125"/>
        <source>Relative error per layer; 1e-6 or less passes.</source>
        <translation>每一层的相对误差；不超过 1e-6 为通过。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="138"/>
        <source>BUG: {0}</source>
        <translation>错误：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="147"/>
        <source>Health monitor</source>
        <translation>健康监视器</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="154"/>
        <source>Gradient check</source>
        <translation>梯度检查</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="159"/>
        <source>Bug lab</source>
        <translation>错误实验室</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="162"/>
        <source>Deliberate mistakes, off by default: switch one on and watch what it does.</source>
        <translation>故意犯的错误，默认关闭：打开一个，看看它会造成什么。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="182"/>
        <source>Health monitor ({0})</source>
        <translation>健康监视器（{0}）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="257"/>
        <source>Nothing looks wrong.</source>
        <translation>看起来没有问题。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="285"/>
        <source>Learning rate lowered to {0:g}</source>
        <translation>学习率已降到 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="299"/>
        <source>Bug {0} switched on</source>
        <translation>已打开错误 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="300"/>
        <source>Bug {0} switched off</source>
        <translation>已关闭错误 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="309"/>
        <source>layer {0}: {1:.1e}</source>
        <translation>第 {0} 层：{1:.1e}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="310"/>
        <source> (cannot judge)</source>
        <translation>（无法判断）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="312"/>
        <source>FAIL: backprop&apos;s gradient is wrong</source>
        <translation>不通过：反向传播的梯度是错的</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="314"/>
        <source>Cannot judge: {0}.</source>
        <translation>无法判断：{0}。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="317"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="306"/>
        <source>There are no training samples to check on.</source>
        <translation>没有可用来检查的训练样本。</translation>
    </message>
</context>
<context>
    <name>DigitsPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="87"/>
        <source>The digit the network reads.</source>
        <translation>网络读出的数字。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="94"/>
        <source>Exactly what the network receives: your drawing cropped, scaled to 20 px, centred by its centre of mass in 28×28.</source>
        <translation>网络实际收到的输入：你的画被裁剪、缩放到 20 像素，并按质心放在 28×28 的中央。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="109"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="110"/>
        <source>Wipe the canvas (Esc or right click).</source>
        <translation>擦掉画布（Esc 或右键）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="111"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="112"/>
        <source>Take back the last stroke (Ctrl+Z).</source>
        <translation>撤销最后一笔（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="117"/>
        <source>Draw a digit with the mouse. Esc or right click clears, Ctrl+Z undoes.</source>
        <translation>用鼠标画一个数字。Esc 或右键清除，Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="128"/>
        <source>The network reads</source>
        <translation>网络读出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="130"/>
        <source>It receives</source>
        <translation>它收到</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="133"/>
        <source>Its first layer: each unit&apos;s weights (blue +, orange −), most used first</source>
        <translation>它的第一层：每个单元的权重（蓝 +，橙 −），最常用的在前</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="194"/>
        <source>No model to read digits: {0}</source>
        <translation>没有可以识别数字的模型：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="195"/>
        <source>Kept the current model. {0}</source>
        <translation>保留了当前模型。{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="202"/>
        <source>Model: {0}, {1}</source>
        <translation>模型：{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="204"/>
        <source>, {0} on the test set</source>
        <translation>，测试集上 {0}</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <location filename="../../playground/gui/widgets/draw_canvas.py" line="39"/>
        <source>Draw a digit with the mouse. Right click or Esc clears, Ctrl+Z undoes the last stroke.</source>
        <translation>用鼠标画一个数字。右键或 Esc 清除，Ctrl+Z 撤销最后一笔。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/draw_canvas.py" line="91"/>
        <source>draw a digit here</source>
        <translation>在这里画一个数字</translation>
    </message>
</context>
<context>
    <name>EditLabels</name>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="14"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="14"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="15"/>
        <source>bias {0}, layer {1}</source>
        <translation>偏置{0}，第 {1} 层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="16"/>
        <source>{0}, layer {1}</source>
        <translation>{0}，第 {1} 层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="17"/>
        <source>{0} units, layer {1}</source>
        <translation>{0} 个单元，第 {1} 层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="18"/>
        <source>dropout {0:g}%, layer {1}</source>
        <translation>dropout {0:g}%，第 {1} 层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="19"/>
        <source>{0} hidden layer</source>
        <translation>{0} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="20"/>
        <source>{0} hidden layers</source>
        <translation>{0} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="21"/>
        <source>output bias {0}</source>
        <translation>输出偏置{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="22"/>
        <source>{0} output</source>
        <translation>{0} 输出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="23"/>
        <source>loss {0}</source>
        <translation>损失 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="24"/>
        <source>bug {0} {1}</source>
        <translation>错误 {0} {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="25"/>
        <source>init {0}, seed {1}</source>
        <translation>初始化 {0}，种子 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="26"/>
        <source>{0} and {1} more changes</source>
        <translation>{0} 等 {1} 处改动</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="27"/>
        <source>network edited</source>
        <translation>网络已修改</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="28"/>
        <source>data {0}</source>
        <translation>数据 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="29"/>
        <source>your own points</source>
        <translation>你自己的点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="30"/>
        <source>inputs {0}</source>
        <translation>输入 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="31"/>
        <source>data edited</source>
        <translation>数据已修改</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="32"/>
        <source>noise {0:g}</source>
        <translation>噪声 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="33"/>
        <source>points {0:g}</source>
        <translation>点数 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="34"/>
        <source>classes {0:g}</source>
        <translation>类别数 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="35"/>
        <source>test fraction {0:g}</source>
        <translation>测试比例 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="36"/>
        <source>seed {0:g}</source>
        <translation>种子 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="37"/>
        <source>learning rate {0:g}</source>
        <translation>学习率 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="38"/>
        <source>optimizer {0}</source>
        <translation>优化器 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="39"/>
        <source>batch {0:g}</source>
        <translation>批量 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="40"/>
        <source>L1 {0:g}</source>
        <translation>L1 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="41"/>
        <source>L2 {0:g}</source>
        <translation>L2 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="42"/>
        <source>schedule {0}</source>
        <translation>学习率计划 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="43"/>
        <source>warm-up {0:g}</source>
        <translation>预热 {0:g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="44"/>
        <source>early stop after {0:g}</source>
        <translation>早停：{0:g} 轮</translation>
    </message>
    <message>
        <location filename="../../playground/gui/edit_labels.py" line="45"/>
        <source>early stop off</source>
        <translation>早停关闭</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../playground/teach/step_text.py" line="95"/>
        <source>Forward, layer {layer} ({activation})</source>
        <translation>前向，第 {layer} 层（{activation}）</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="98"/>
        <source>Loss ({loss})</source>
        <translation>损失（{loss}）</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="108"/>
        <source>Backward, layer {layer}</source>
        <translation>反向，第 {layer} 层</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="116"/>
        <source>the {optimizer} step</source>
        <translation>{optimizer} 的一步</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="117"/>
        <source>Update ({optimizer}, learning rate {lr:g}, from a fresh state): {rule}</source>
        <translation>更新（{optimizer}，学习率 {lr:g}，从初始状态开始）：{rule}</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="126"/>
        <source>first difference from the correct step: layer {layer}, {array} (bug {bug}: {wrote})</source>
        <translation>与正确一步的第一个差异：第 {layer} 层，{array}（错误 {bug}：{wrote}）</translation>
    </message>
    <message>
        <location filename="../../playground/teach/step_text.py" line="130"/>
        <source>no array differs from the correct step</source>
        <translation>没有数组与正确的一步不同</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="37"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="93"/>
        <location filename="../../playground/gui/file_actions.py" line="96"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="100"/>
        <source>Keep the timeline: every kept epoch&apos;s network ({0:.1f} MB), to replay and go on from after opening</source>
        <translation>保留时间线：每个保留的 epoch 的网络（{0:.1f} MB），打开后可以回放并从那里继续</translation>
    </message>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="119"/>
        <source>The MNIST tab has no {0}: it is the Playground tab&apos;s.</source>
        <translation>MNIST 标签页没有{0}：那是 Playground 标签页的。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="125"/>
        <source>Could not save the picture: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/file_actions.py" line="131"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../playground/data/csv_points.py" line="57"/>
        <source>line {n} is longer than {MAX_LINE:,} characters: this is not a CSV file of numbers</source>
        <translation>第 {n} 行超过 {MAX_LINE:,} 个字符：这不是数字组成的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="62"/>
        <location filename="../../playground/data/csv_points.py" line="76"/>
        <source>the file is larger than {limit} MB</source>
        <translation>文件大于 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="65"/>
        <source>the import was cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="83"/>
        <source>it has more than {max_rows:,} rows, more than the plane takes (playground train --data trains on larger files)</source>
        <translation>它有超过 {max_rows:,} 行，超出了平面能容纳的数量（playground train --data 可以在更大的文件上训练）</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="88"/>
        <location filename="../../playground/gui/image_file.py" line="26"/>
        <location filename="../../playground/modelfile/save_load.py" line="174"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="91"/>
        <source>cannot be read as CSV text ({e})</source>
        <translation>无法作为 CSV 文本读取（{e}）</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="114"/>
        <source>line {i} is not {width} numbers: {line}</source>
        <translation>第 {i} 行不是 {width} 个数字：{line}</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="117"/>
        <source>the file holds values that are not numbers</source>
        <translation>文件中有不是数字的值</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="127"/>
        <source>its last column reaches {largest:g}: class labels are whole numbers from 0 to {top}, and real targets at most {limit:g} in size (scale them to about -1..1)</source>
        <translation>它的最后一列达到 {largest:g}：类别标签是 0 到 {top} 的整数，实数目标的大小最多为 {limit:g}（请把它们缩放到约 -1..1）</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="142"/>
        <source>the file holds no rows</source>
        <translation>文件中没有任何行</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="148"/>
        <source>the file has a header but no data rows</source>
        <translation>文件有表头但没有数据行</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="152"/>
        <source>each row needs at least one feature and a label</source>
        <translation>每行至少需要一个特征和一个标签</translation>
    </message>
    <message>
        <location filename="../../playground/data/csv_points.py" line="156"/>
        <source>the file contains nan or inf</source>
        <translation>文件中含有 nan 或 inf</translation>
    </message>
    <message>
        <location filename="../../playground/data/errors.py" line="28"/>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="38"/>
        <source>no such file (the MNIST files are missing)</source>
        <translation>文件不存在（缺少 MNIST 文件）</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="50"/>
        <source>cannot be read: the file is damaged ({e})</source>
        <translation>无法读取：文件已损坏（{e}）</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="53"/>
        <source>is larger than any MNIST file</source>
        <translation>比任何 MNIST 文件都大</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="66"/>
        <source>is truncated: {size} bytes, shorter than its header</source>
        <translation>文件被截断：只有 {size} 字节，比文件头还短</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="70"/>
        <source>has magic number {found}, expected {magic}: not an IDX {kind} file</source>
        <translation>魔数是 {found}，应为 {magic}：不是 IDX {kind} 文件</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="74"/>
        <source>has dimensions {dims}, which MNIST files never have</source>
        <translation>维度是 {dims}，MNIST 文件不会有这样的维度</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="78"/>
        <source>has {size} bytes; its header promises {expected} ({why})</source>
        <translation>有 {size} 字节；文件头声明的是 {expected}（{why}）</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="94"/>
        <source>holds {labels} labels for {images} images in {file}</source>
        <translation>有 {labels} 个标签，而 {file} 中有 {images} 张图像</translation>
    </message>
    <message>
        <location filename="../../playground/data/mnist.py" line="98"/>
        <source>holds the label {label}; MNIST labels are 0-9</source>
        <translation>含有标签 {label}；MNIST 的标签是 0-9</translation>
    </message>
    <message>
        <location filename="../../playground/data/pointset.py" line="55"/>
        <source>needs three columns (x1, x2, a class label 0-9 or a real target); it has {features} features</source>
        <translation>需要三列（x1、x2、类别标签 0-9 或实数目标）；它有 {features} 个特征</translation>
    </message>
    <message>
        <location filename="../../playground/data/pointset.py" line="62"/>
        <source>has class label {label}; use labels 0 to 9</source>
        <translation>含有类别标签 {label}；请使用 0 到 9 的标签</translation>
    </message>
    <message>
        <location filename="../../playground/gui/image_file.py" line="30"/>
        <source>is not an image Qt can read (PNG, JPEG, BMP, ...)</source>
        <translation>不是 Qt 能读取的图像（PNG、JPEG、BMP……）</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="64"/>
        <source>Cannot open {name}: {problem}</source>
        <translation>无法打开 {name}：{problem}</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="202"/>
        <source>its description is not valid JSON ({reason})</source>
        <translation>它的描述不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="205"/>
        <source>its description is nested far too deeply</source>
        <translation>它的描述嵌套得太深</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="208"/>
        <source>it is not a playground model file</source>
        <translation>它不是 playground 的模型文件</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="212"/>
        <source>it is format version {version}; this playground reads version {FORMAT_VERSION}</source>
        <translation>它的格式版本是 {version}；这个 playground 读取的是版本 {FORMAT_VERSION}</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="216"/>
        <location filename="../../playground/modelfile/save_load.py" line="310"/>
        <source>its loss, init or dtype is not one playground knows</source>
        <translation>它的损失、初始化或 dtype 不是 playground 认识的</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="227"/>
        <source>layer {i} is not described properly</source>
        <translation>第 {i} 层的描述不正确</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="232"/>
        <source>layer {i} has an impossible number of units: {units}</source>
        <translation>第 {i} 层的单元数不可能：{units}</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="236"/>
        <source>layer {i} uses an unknown activation: {activation}</source>
        <translation>第 {i} 层使用了未知的激活函数：{activation}</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="240"/>
        <source>layer {i} has an invalid bias or init setting</source>
        <translation>第 {i} 层的偏置或初始化设置无效</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="245"/>
        <source>layer {i} has an invalid dropout rate: {rate}</source>
        <translation>第 {i} 层的 dropout 比例无效：{rate}</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="255"/>
        <source>its list of layers is missing or impossible</source>
        <translation>它的层列表缺失或不可能</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="258"/>
        <source>its input size {size} is impossible</source>
        <translation>它的输入大小 {size} 不可能</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="264"/>
        <source>it declares {total:,} weights, more than any model here ({MAX_PARAMS:,} at most)</source>
        <translation>它声明了 {total:,} 个权重，比这里任何模型都多（最多 {MAX_PARAMS:,} 个）</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="285"/>
        <source>its weights do not match its layers ({mismatch})</source>
        <translation>它的权重与层不匹配（{mismatch}）</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="292"/>
        <source>{name} holds {dtype} values; a model stores float32 or float64</source>
        <translation>{name} 存的是 {dtype} 值；模型存储 float32 或 float64</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="298"/>
        <source>{name} holds nan or inf values (or values too large for {dtype})</source>
        <translation>{name} 含有 nan 或 inf（或超出 {dtype} 范围的值）</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="314"/>
        <source>its list of bug-lab switches is not a list of names</source>
        <translation>它的错误实验室开关列表不是名称列表</translation>
    </message>
    <message>
        <location filename="../../playground/modelfile/save_load.py" line="321"/>
        <source>its architecture is invalid: {e}</source>
        <translation>它的结构无效：{e}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist.py" line="253"/>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="186"/>
        <source>it is not an MNIST model ({net})</source>
        <translation>它不是 MNIST 模型（{net}）</translation>
    </message>
</context>
<context>
    <name>FirstLayerView</name>
    <message>
        <location filename="../../playground/gui/widgets/first_layer.py" line="143"/>
        <source>The first layer&apos;s weights show here as 28x28 images</source>
        <translation>第一层的权重在这里显示为 28x28 的图像</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/first_layer.py" line="168"/>
        <source>Unit {0} of layer 1; weights from {1:.2g} to {2:.2g}</source>
        <translation>第 1 层的第 {0} 个单元；权重从 {1:.2g} 到 {2:.2g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/first_layer.py" line="172"/>
        <source>Ranked {0} of {1} by the next layer&apos;s use of it (its outgoing weights&apos; norm {2:.2g})</source>
        <translation>按下一层对它的使用程度排第 {0}（共 {1} 个；它的输出权重范数 {2:.2g}）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/first_layer.py" line="177"/>
        <source>Most active on test digits: {0}</source>
        <translation>在这些测试数字上最活跃：{0}</translation>
    </message>
</context>
<context>
    <name>GradCheck</name>
    <message>
        <location filename="../../playground/nn/gradcheck.py" line="35"/>
        <source>the loss or a gradient is inf or nan, so there is nothing to compare</source>
        <translation>损失或梯度是 inf 或 nan，没有可比较的东西</translation>
    </message>
    <message>
        <location filename="../../playground/nn/gradcheck.py" line="37"/>
        <source>the gradients have vanished (saturated units or blown-up weights), so both sides are about zero</source>
        <translation>梯度已经消失（单元饱和或权重爆炸），两边都约等于零</translation>
    </message>
    <message>
        <location filename="../../playground/nn/gradcheck.py" line="39"/>
        <source>the loss is so large that its rounding error swamps the differences</source>
        <translation>损失太大，它的舍入误差淹没了差值</translation>
    </message>
    <message>
        <location filename="../../playground/nn/gradcheck.py" line="41"/>
        <source>every sample puts a ReLU input at 0, its kink, where finite differences take the mean of both slopes</source>
        <translation>每个样本都让某个 ReLU 的输入落在 0（拐点）上，有限差分在那里取两侧斜率的平均</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../../playground/nn/health.py" line="37"/>
        <source>Lower the learning rate</source>
        <translation>降低学习率</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="38"/>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="39"/>
        <source>Lower the learning rate and reset</source>
        <translation>降低学习率并重置</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="40"/>
        <source>Add biases</source>
        <translation>加上偏置</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="41"/>
        <source>Use Xavier/He init</source>
        <translation>使用 Xavier/He 初始化</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="42"/>
        <source>Switch the bug off</source>
        <translation>关闭这个错误</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="43"/>
        <source>Switch the bug off and reset</source>
        <translation>关闭这个错误并重置</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="135"/>
        <source>The loss has stopped falling while still high, and no neuron has a bias: each one outputs f(0) at the origin whatever it learns, so some targets cannot be reached.</source>
        <translation>损失在仍然很高时停止下降，而且没有神经元有偏置：无论学到什么，每个神经元在原点都输出 f(0)，所以有些目标无法达到。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="140"/>
        <source>exp overflowed {count:,} times in the naive sigmoid 1/(1 + exp(−z)). The values are still right, but the warnings bury everything else.</source>
        <translation>朴素 sigmoid 1/(1 + exp(−z)) 中 exp 溢出了 {count:,} 次。数值仍然正确，但警告淹没了其他一切。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="172"/>
        <source>Training stopped: {reason}. The steps were so large that the weights blew up.</source>
        <translation>训练已停止：{reason}。步长太大，权重爆炸了。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="178"/>
        <source>The run is diverging: the steps are so large that the loss has climbed far above where it started or the weights have exploded (layer {layer}&apos;s are {rms:.2g} on average). It will not come back by itself.</source>
        <translation>训练正在发散：步长太大，损失已远高于起点，或权重已经爆炸（第 {layer} 层的权重平均为 {rms:.2g}）。它不会自己恢复。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="196"/>
        <source>Training stopped: {reason}. </source>
        <translation>训练已停止：{reason}。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="199"/>
        <source>{stopped}The loss rose from the first epoch at a learning rate that is not large ({lr:g}): each update climbs the loss instead of descending it. The bug lab&apos;s sign-flip switch is on: the error&apos;s sign and the update&apos;s sign disagree.</source>
        <translation>{stopped}在并不大的学习率（{lr:g}）下，损失从第一个 epoch 起就一直上升：每次更新都在往损失的上坡走，而不是下坡。Bug 实验室的 sign-flip 开关开着：误差的符号和更新的符号不一致。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="206"/>
        <source>{stopped}The loss rose from the first epoch at a learning rate that is not large ({lr:g}): the updates climb the loss. The bug lab&apos;s {switch} switch is on.</source>
        <translation>{stopped}在并不大的学习率（{lr:g}）下，损失从第一个 epoch 起就一直上升：更新在往损失的上坡走。Bug 实验室的 {switch} 开关开着。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="211"/>
        <source>{stopped}The loss rose from the first epoch at a learning rate that is not large ({lr:g}): each update climbs the loss instead of descending it. Look at the update&apos;s sign: weights should move against the gradient.</source>
        <translation>{stopped}在并不大的学习率（{lr:g}）下，损失从第一个 epoch 起就一直上升：每次更新都在往损失的上坡走，而不是下坡。检查更新的符号：权重应当逆着梯度移动。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="221"/>
        <source>The gradient check fails (relative error {error:.1e} in layer {layer}, where 1e-6 passes): backprop computes a wrong gradient, exactly the negative of the right one.</source>
        <translation>梯度检查不通过（第 {layer} 层相对误差 {error:.1e}，1e-6 以内才算通过）：反向传播算出的梯度是错的，恰好是正确梯度的相反数。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="226"/>
        <source>The gradient check fails (relative error {error:.1e} in layer {layer}, where 1e-6 passes): backprop computes a wrong gradient: σ′ is taken at the activation instead of at z. Training may still look half-fine, which is why this bug hides.</source>
        <translation>梯度检查不通过（第 {layer} 层相对误差 {error:.1e}，1e-6 以内才算通过）：反向传播算出的梯度是错的：σ′ 是在激活值处取的，而不是在 z 处。训练可能看起来还算正常，这正是这个错误隐蔽的原因。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="231"/>
        <source>The gradient check fails (relative error {error:.1e} in layer {layer}, where 1e-6 passes): backprop computes a wrong gradient.</source>
        <translation>梯度检查不通过（第 {layer} 层相对误差 {error:.1e}，1e-6 以内才算通过）：反向传播算出的梯度是错的。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="244"/>
        <source>with no learning rate each step is the gradient summed over the whole batch</source>
        <translation>没有学习率时，每一步都是整个批次上求和的梯度</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="247"/>
        <source>the steps are far too large</source>
        <translation>步长太大了</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="248"/>
        <source>All output units are saturated and the gradients have vanished: {what}. Nothing can change any more.</source>
        <translation>所有输出单元都已饱和，梯度已经消失：{what}。什么都不会再改变了。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="255"/>
        <source>U(−1, 1) weights make the weighted sums of a wide layer huge</source>
        <translation>U(−1, 1) 的权重让宽层的加权和非常大</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="258"/>
        <source>the weighted sums have grown large</source>
        <translation>加权和变得太大</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="260"/>
        <source>{share:.0f}% of layer {layer}&apos;s {activation} units are saturated, so they barely learn: {cause}.</source>
        <translation>第 {layer} 层 {share:.0f}% 的 {activation} 单元已饱和，几乎学不动：{cause}。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="271"/>
        <source>{share:.0f}% of layer {layer}&apos;s ReLU units are dead: they output 0 for every input, so no gradient reaches them. A too large learning rate or an unlucky start does this.</source>
        <translation>第 {layer} 层 {share:.0f}% 的 ReLU 单元已经死亡：它们对每个输入都输出 0，没有梯度能到达它们。学习率过大或初始值不走运都会造成这种情况。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="284"/>
        <source>The loss rises every epoch: the error&apos;s sign and the update&apos;s sign disagree, so each step goes uphill (gradient ascent).</source>
        <translation>损失每个 epoch 都在上升：误差的符号与更新的符号不一致，每一步都在往上坡走（梯度上升）。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="287"/>
        <source>The loss rises every epoch: the steps overshoot.</source>
        <translation>损失每个 epoch 都在上升：步子迈过头了。</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="295"/>
        <source>loss trend: not enough epochs yet</source>
        <translation>损失趋势：epoch 还不够多</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="297"/>
        <source>falling</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="298"/>
        <source>rising</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="299"/>
        <source>flat</source>
        <translation>持平</translation>
    </message>
    <message>
        <location filename="../../playground/nn/health.py" line="300"/>
        <source>loss trend: {words} ({change:+.1f}% over the last {epochs} epochs)</source>
        <translation>损失趋势：{words}（最近 {epochs} 个 epoch 变化 {change:+.1f}%）</translation>
    </message>
</context>
<context>
    <name>HealthTable</name>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="40"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="41"/>
        <source>Stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="64"/>
        <source>Per layer: the size of the last step&apos;s gradient ‖∇W‖, of the weights ‖W‖, and the share of its units that are stuck: sigmoid/tanh units in their flat tails (saturated) or ReLUs that output 0 for every sample (dead).</source>
        <translation>每一层：上一步梯度的大小 ‖∇W‖、权重的大小 ‖W‖，以及卡住的单元所占比例：落在平坦尾部的 sigmoid/tanh 单元（饱和），或对每个样本都输出 0 的 ReLU（死亡）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="88"/>
        <source>{0} of this layer&apos;s units are saturated: in the flat tails of {1}, where its slope is near 0, they barely learn.</source>
        <translation>这一层 {0} 的单元已饱和：它们落在 {1} 的平坦尾部，那里斜率接近 0，几乎学不动。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="92"/>
        <source>{0} of this layer&apos;s ReLUs are dead: they output 0 for every sample, so no gradient reaches them.</source>
        <translation>这一层 {0} 的 ReLU 已死亡：它们对每个样本都输出 0，所以没有梯度能到达它们。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/diagnostics.py" line="94"/>
        <source>Only sigmoid and tanh units saturate, and only ReLUs die.</source>
        <translation>只有 sigmoid 和 tanh 单元会饱和，只有 ReLU 会死亡。</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <location filename="../../playground/teach/lab.py" line="54"/>
        <source>“My MNIST network&apos;s outputs all drop to zero”</source>
        <translation>“我的 MNIST 网络的输出全都掉到了零”</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="55"/>
        <source>trained 784-16-10 with sigmoids and squared error on 10,000 images, adding the gradient summed over all of them to the weights: no learning rate, full batch, U(−1, 1) weights, no biases.</source>
        <translation>用 sigmoid 和平方误差在 10,000 张图像上训练 784-16-10 网络，把所有图像上加总的梯度直接加到权重上：没有学习率、全批量、U(−1, 1) 权重、没有偏置。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="58"/>
        <source>after the first update every output sits at 0, accuracy is about 10% and the gradient norms drop to 0: the sigmoids saturated and nothing can change any more.</source>
        <translation>第一次更新之后，每个输出都停在 0，准确率约 10%，梯度范数降到 0：sigmoid 饱和了，什么都不会再变。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="61"/>
        <source>switch on Fixed: a learning rate on the mean gradient of small batches, Xavier init and biases. Flipping the update&apos;s sign instead, as one answer advised, would climb the loss.</source>
        <translation>打开“已修正”：对小批量的平均梯度使用学习率、Xavier 初始化和偏置。像某个回答建议的那样把更新的符号反过来，只会让损失上升。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="71"/>
        <source>“Two neurons cannot learn 0 → 0 and 1 → 1”</source>
        <translation>“两个神经元学不会 0 → 0 和 1 → 1”</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="72"/>
        <source>chained two sigmoid neurons with weights but no bias and asked for 0 → 0 and 1 → 1.</source>
        <translation>把两个只有权重、没有偏置的 sigmoid 神经元串起来，要它学 0 → 0 和 1 → 1。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="74"/>
        <source>the mean error |target − output| stays above 0.25, and the loss (the mean of ½·error², the curve) above 0.0625: for input 0 the first neuron gives σ(0) = 0.5 whatever its weight, so the second cannot push 0 down without also keeping 1 at or below 0.5.</source>
        <translation>平均误差 |目标 − 输出| 一直高于 0.25，损失（½·误差² 的平均，即曲线）一直高于 0.0625：输入为 0 时，无论权重是多少，第一个神经元都输出 σ(0) = 0.5，所以第二个神经元无法把 0 压低，而不同时让 1 停在 0.5 或更低。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="78"/>
        <source>switch on Fixed: one bias per neuron, and the mean error falls below 0.05.</source>
        <translation>打开“已修正”：每个神经元一个偏置，平均误差就降到 0.05 以下。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="89"/>
        <source>“My network learns OR but rarely AND or XOR”</source>
        <translation>“我的网络能学会 OR，却很少学会 AND 或 XOR”</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="91"/>
        <source>wrote a 2-2-1 sigmoid network for the XOR gate whose backprop multiplies by σ′(a), the derivative at the activation instead of at z, with a sigmoid 1/(1 + exp(−z)) that overflows.</source>
        <translation>为 XOR 门写了一个 2-2-1 的 sigmoid 网络，它的反向传播乘的是 σ′(a)，即在激活值而不是 z 处求的导数，并且 sigmoid 1/(1 + exp(−z)) 会溢出。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="94"/>
        <source>the gradient check fails, yet training often still solves XOR: the wrong gradient points roughly downhill. Run the 20-seed study: a 2-2-1 net also gets stuck without the bug.</source>
        <translation>梯度检查不通过，但训练常常仍能学会 XOR：错误的梯度大致还是指向下坡。运行 20 个种子的对比：没有这个错误时，2-2-1 网络也会卡住。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lab.py" line="97"/>
        <source>switch on Fixed: the right derivative, a stable sigmoid and 4 hidden units, which solve XOR from every seed.</source>
        <translation>打开“已修正”：正确的导数、数值稳定的 sigmoid 和 4 个隐藏单元，从每个种子出发都能学会 XOR。</translation>
    </message>
</context>
<context>
    <name>LabPresetBox</name>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="25"/>
        <source>Lab preset</source>
        <translation>实验室预设</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="31"/>
        <source>Fixed</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="32"/>
        <source>Train the same network the right way.</source>
        <translation>用正确的方式训练同一个网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="34"/>
        <source>Run the 20-seed study</source>
        <translation>运行 20 个种子的对比</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="35"/>
        <source>Train this network from 20 seeds at once, side by side in the seed grid, for 20,000 steps each, and count how many solve XOR.</source>
        <translation>在种子网格中同时从 20 个种子训练这个网络，并排显示，每个训练 20,000 步，数一数有多少个学会了 XOR。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="70"/>
        <source>Training the network from 20 seeds in the seed grid…</source>
        <translation>正在种子网格中从 20 个种子训练这个网络…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="77"/>
        <source>Fixed: {0} of {1} seeds reached 100%.</source>
        <translation>已修正：{1} 个种子中有 {0} 个达到 100%。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="78"/>
        <source>As written: {0} of {1} seeds reached 100%.</source>
        <translation>按原样：{1} 个种子中有 {0} 个达到 100%。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="80"/>
        <source>A 2-2-1 net gets stuck on some seeds even without the bug: not every failure is a bug. Switch Fixed and run it again to compare.</source>
        <translation>即使没有这个错误，2-2-1 网络在某些种子上也会卡住：并不是每次失败都是错误造成的。打开“已修正”再运行一次来比较。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="53"/>
        <source>What the learner did: {0}</source>
        <translation>学习者做了什么：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="53"/>
        <source>What to watch: {0}</source>
        <translation>要观察什么：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lab_box.py" line="54"/>
        <source>What to try: {0}</source>
        <translation>可以试试：{0}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="38"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="39"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="40"/>
        <source>Gaussians</source>
        <translation>高斯</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="41"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="42"/>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="43"/>
        <source>XOR gate (4 points)</source>
        <translation>XOR 门（4 个点）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="44"/>
        <source>Identity (2 points)</source>
        <translation>恒等（2 个点）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="45"/>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="46"/>
        <source>Bumps (regression)</source>
        <translation>鼓包（回归）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="47"/>
        <source>Your points (click)</source>
        <translation>你的点（点击添加）</translation>
    </message>
    <message>
        <location filename="../../playground/nn/losses.py" line="152"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../playground/nn/losses.py" line="154"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../../playground/nn/losses.py" line="157"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="12"/>
        <source>Uniform ±1</source>
        <translation>均匀 ±1</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="13"/>
        <source>Normal N(0, 1)</source>
        <translation>正态 N(0, 1)</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="14"/>
        <source>Xavier / Glorot</source>
        <translation>Xavier / Glorot</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="16"/>
        <source>U(−1, 1), as the classic tutorials: saturates wide sigmoid layers</source>
        <translation>U(−1, 1)，与经典教程相同：会让宽的 sigmoid 层饱和</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="18"/>
        <source>N(0, 1), as the classic tutorials: saturates wide sigmoid layers</source>
        <translation>N(0, 1)，与经典教程相同：会让宽的 sigmoid 层饱和</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="20"/>
        <source>Scaled to each layer&apos;s size: suits tanh and sigmoid</source>
        <translation>按每层的大小缩放：适合 tanh 和 sigmoid</translation>
    </message>
    <message>
        <location filename="../../playground/nn/init.py" line="21"/>
        <source>Scaled for ReLU layers</source>
        <translation>为 ReLU 层缩放</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="34"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="35"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="36"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="37"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="43"/>
        <source>1 epoch/s</source>
        <translation>每秒 1 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="44"/>
        <source>5 epochs/s</source>
        <translation>每秒 5 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="45"/>
        <source>20 epochs/s</source>
        <translation>每秒 20 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="46"/>
        <source>100 epochs/s</source>
        <translation>每秒 100 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="47"/>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="39"/>
        <source>all 60,000</source>
        <translation>全部 60,000</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="240"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="240"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="241"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="241"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="242"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="242"/>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="243"/>
        <source>SiLU (swish)</source>
        <translation>SiLU（swish）</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="243"/>
        <source>GELU (tanh)</source>
        <translation>GELU（tanh）</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="244"/>
        <source>Sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="244"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="245"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="246"/>
        <source>z, or 0.01·z below 0</source>
        <translation>z，小于 0 时为 0.01·z</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="247"/>
        <source>z, or e^z − 1 below 0</source>
        <translation>z，小于 0 时为 e^z − 1</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="248"/>
        <source>½z(1 + tanh(√(2/π)(z + 0.044715z³))), the tanh approximation</source>
        <translation>½z(1 + tanh(√(2/π)(z + 0.044715z³)))，tanh 近似</translation>
    </message>
    <message>
        <location filename="../../playground/nn/activations.py" line="249"/>
        <source>z (no activation)</source>
        <translation>z（无激活）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="25"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="26"/>
        <source>Step ×0.5</source>
        <translation>阶梯 ×0.5</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="27"/>
        <source>Exp ×0.995</source>
        <translation>指数 ×0.995</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="28"/>
        <source>Cosine 500</source>
        <translation>余弦 500</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="29"/>
        <source>Cosine 2,000</source>
        <translation>余弦 2,000</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="30"/>
        <source>Your own…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="40"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="37"/>
        <source>Principal directions of the path</source>
        <translation>路径的主方向</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="38"/>
        <source>Two random directions</source>
        <translation>两个随机方向</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="39"/>
        <source>The line from the start</source>
        <translation>从起点出发的直线</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="47"/>
        <source>The path moved along one line only: choose the line from the start or random directions.</source>
        <translation>路径只沿一条直线移动：请选择从起点出发的直线或随机方向。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="68"/>
        <source>No path yet: train first.</source>
        <translation>还没有路径：先训练。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="71"/>
        <source>The path is one epoch so far (epoch {0}).</source>
        <translation>路径目前只有一轮（第 {0} 轮）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="73"/>
        <source>The path runs from epoch {0} to epoch {1} ({2} of them kept).</source>
        <translation>路径从第 {0} 轮到第 {1} 轮（保留了其中 {2} 轮）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="80"/>
        <source>1st principal direction</source>
        <translation>第 1 主方向</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="81"/>
        <source>2nd principal direction</source>
        <translation>第 2 主方向</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="83"/>
        <source>towards the start (1: the start)</source>
        <translation>朝向起点（1：起点）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="84"/>
        <source>a random direction</source>
        <translation>一个随机方向</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="85"/>
        <source>random direction 1</source>
        <translation>随机方向 1</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="86"/>
        <source>random direction 2</source>
        <translation>随机方向 2</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="56"/>
        <source>The landscape draws the playground&apos;s own network; your code&apos;s is yours to look at.</source>
        <translation>损失曲面画的是 playground 自己的网络；你代码里的网络由你自己去看。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="60"/>
        <source>MNIST is being read; the landscape follows when it is in.</source>
        <translation>正在读取 MNIST；读完后就画出损失曲面。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="64"/>
        <source>There are no training points to take the loss on.</source>
        <translation>没有训练点可以用来计算损失。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="79"/>
        <source>The training process cannot draw it now.</source>
        <translation>训练进程现在画不了它。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="111"/>
        <source>jumped on the loss landscape</source>
        <translation>在损失曲面上跳转</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="125"/>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="50"/>
        <source>The path&apos;s principal directions need the weights of 3 epochs: train a few epochs first, or choose random directions.</source>
        <translation>路径的主方向需要 3 轮的权重：先训练几轮，或者选择随机方向。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/landscape.py" line="129"/>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="53"/>
        <source>The line from the start needs a start other than the weights now: train first, or choose random directions.</source>
        <translation>从起点出发的直线需要一个不同于当前权重的起点：先训练，或者选择随机方向。</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="108"/>
        <source>The plane the loss is drawn on. Principal directions: the two along which the run moved most (Li et al. 2018). Random: two random directions, each neuron&apos;s scaled to its own weights. The line: from the weights now to where the run began, and a random direction across it.</source>
        <translation>画损失所用的平面。主方向：训练移动最多的两个方向（Li 等，2018）。随机：两个随机方向，每个神经元按它自己权重的大小缩放。直线：从当前权重到训练开始的地方，再加一个与之垂直的随机方向。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="113"/>
        <source>Undo jump</source>
        <translation>撤销跳转</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="114"/>
        <source>Put back the weights as they were before the last click on the landscape (Ctrl+Z)</source>
        <translation>把权重恢复到最后一次在曲面上点击之前的样子（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="134"/>
        <source>The training loss around the weights now (★), log scale: dark is low. The white line is the run&apos;s path, from its start (■). Click a point to set the weights there; training goes on from it (Ctrl+Z undoes).</source>
        <translation>当前权重（★）周围的训练损失，对数刻度：颜色越深越低。白线是训练的路径，从起点（■）开始。点击某一点把权重设到那里，训练从那里继续（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="143"/>
        <source>log₁₀ loss</source>
        <translation>log₁₀ 损失</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="160"/>
        <source>The loss along the straight line from the path&apos;s start (0) to the weights now (1), and a quarter beyond each: a hump between them is a hill the run went over; none, a valley it went down.</source>
        <translation>沿着从路径起点（0）到当前权重（1）的直线上的损失，两端各再延伸四分之一：两者之间有隆起，说明训练翻过了一座山；没有，说明它顺着山谷走下来。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="166"/>
        <source>from the start (0) to now (1)</source>
        <translation>从起点（0）到现在（1）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="167"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="266"/>
        <source>Around epoch {0} (shown).</source>
        <translation>围绕第 {0} 轮（正在显示）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="268"/>
        <source>Around the weights now.</source>
        <translation>围绕当前权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="270"/>
        <source>The plane holds {0:.1%} of the path&apos;s variance.</source>
        <translation>这个平面包含路径方差的 {0:.1%}。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="272"/>
        <source>Loss at ★ {0:.4g} on {1} training points.</source>
        <translation>★ 处的损失 {0:.4g}（在 {1} 个训练点上）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/landscape_view.py" line="274"/>
        <source>Drawn by the training process in {0:.0f} ms.</source>
        <translation>由训练进程绘制，用时 {0:.0f} ms。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../playground/gui/i18n.py" line="79"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/i18n.py" line="84"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../playground/gui/i18n.py" line="100"/>
        <source>The language changes when the playground starts again.</source>
        <translation>语言将在 playground 下次启动时改变。</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="69"/>
        <source>Layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="144"/>
        <source>Network (set by your code&apos;s LAYERS)</source>
        <translation>网络（由你代码中的 LAYERS 决定）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="144"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="146"/>
        <source>Your code&apos;s LAYERS, ACTIVATION and OUTPUT decide this network; change them in the Your code tab.</source>
        <translation>你代码中的 LAYERS、ACTIVATION 和 OUTPUT 决定这个网络；请在“你的代码”标签页中修改。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="150"/>
        <source>+ Add layer</source>
        <translation>+ 添加层</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="151"/>
        <source>Add a hidden layer before the output (at most 8).</source>
        <translation>在输出层之前添加一个隐藏层（最多 8 个）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="154"/>
        <source>The output layer&apos;s activation: sigmoid for two classes, softmax for several.</source>
        <translation>输出层的激活函数：两类用 sigmoid，多类用 softmax。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="54"/>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="157"/>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="51"/>
        <source>Neurons in this layer (1 to {0}).</source>
        <translation>这一层的神经元个数（1 到 {0}）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="52"/>
        <source>The function each neuron applies to its weighted sum.</source>
        <translation>每个神经元作用在加权和上的函数。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="55"/>
        <source>A bias lets a neuron shift its output: without one, every neuron gives f(0) at the origin.</source>
        <translation>偏置让神经元可以平移它的输出：没有偏置，每个神经元在原点处都输出 f(0)。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="57"/>
        <source>Remove this layer.</source>
        <translation>删除这一层。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="58"/>
        <source>Dropout: in training, each step zeroes this share of the layer&apos;s units at random (the others count for more); the boundary, the numbers and the exports use every unit.</source>
        <translation>Dropout：训练时，每一步随机把这一层这个比例的单元置零（其余单元的作用相应放大）；决策边界、各项数值和导出都使用全部单元。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="139"/>
        <source>Network (found in your program)</source>
        <translation>网络（从你的程序中找到）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="140"/>
        <source>The network the check found in your program decides this one; change your program in the Your code tab.</source>
        <translation>检查在你的程序中找到的网络决定了这里的网络；请在“你的代码”标签页中修改你的程序。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="158"/>
        <source>Bias of the output layer.</source>
        <translation>输出层的偏置。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="160"/>
        <source>What the network minimises: how wrong its outputs are.</source>
        <translation>网络要最小化的量：它的输出错得有多厉害。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="164"/>
        <source>How the starting weights are drawn: Xavier suits tanh/sigmoid, He suits ReLU, uniform ±1 saturates wide layers.</source>
        <translation>初始权重的抽取方式：Xavier 适合 tanh/sigmoid，He 适合 ReLU，均匀 ±1 会让宽的层饱和。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="167"/>
        <source>Random seed of the starting weights: the same seed gives the same start.</source>
        <translation>初始权重的随机种子：同样的种子给出同样的起点。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="178"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="179"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="184"/>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/layer_editor.py" line="184"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/lesson_panel.py" line="81"/>
        <source>Choose a lesson</source>
        <translation>选择一课</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lesson_panel.py" line="95"/>
        <source>Reset lesson</source>
        <translation>重置本课</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lesson_panel.py" line="96"/>
        <source>Open this lesson&apos;s setup again, from the start.</source>
        <translation>重新打开本课的设置，从头开始。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lesson_panel.py" line="97"/>
        <source>Next</source>
        <translation>下一课</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/lesson_panel.py" line="97"/>
        <source>The next lesson.</source>
        <translation>下一课。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../playground/teach/lessons.py" line="93"/>
        <source>1. XOR needs a hidden layer</source>
        <translation>1. XOR 需要隐藏层</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="94"/>
        <source>This network has no hidden layer: its output can only draw one straight line, and no straight line separates XOR&apos;s corners. Press Train and watch the accuracy stall; then press + Add layer and watch the boundary bend.</source>
        <translation>这个网络没有隐藏层：它的输出只能画一条直线，而没有一条直线能分开 XOR 的四个角。按“训练”，看准确率停滞不前；然后按“+ 添加层”，看决策边界弯曲起来。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="100"/>
        <source>Stuck, as expected: one straight line cannot split XOR. Now press + Add layer in the Network box.</source>
        <translation>正如预期，卡住了：一条直线分不开 XOR。现在在“网络”框里按“+ 添加层”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="103"/>
        <source>Solved: each hidden neuron draws a line (see its little map) and the output combines them. Press Next.</source>
        <translation>解决了：每个隐藏神经元画一条线（看它的小图），输出层把它们组合起来。按“下一课”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="110"/>
        <source>2. What a bias does</source>
        <translation>2. 偏置的作用</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="111"/>
        <source>A learner&apos;s two neurons, without biases, asked for 0 → 0 and 1 → 1. For input 0 the first neuron gives σ(0) = 0.5 whatever its weight. Press Train and watch the loss stay up; then switch the biases on (the bias boxes) and watch it fall.</source>
        <translation>一位学习者的两个神经元没有偏置，却要学 0 → 0 和 1 → 1。输入为 0 时，不管权重是多少，第一个神经元都输出 σ(0) = 0.5。按“训练”，看损失降不下来；然后打开偏置（勾选“偏置”框），看它下降。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="117"/>
        <source>The loss stays above 0.06: without a bias no weight can map 0 to 0. Tick the bias boxes of both layers.</source>
        <translation>损失一直高于 0.06：没有偏置，任何权重都无法把 0 映射到 0。勾选两层的“偏置”框。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="120"/>
        <source>With a bias each neuron can shift its output: 0 → 0 and 1 → 1 are learned. Press Next.</source>
        <translation>有了偏置，每个神经元都能平移它的输出：0 → 0 和 1 → 1 都学会了。按“下一课”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="131"/>
        <source>3. Activations shape the boundary</source>
        <translation>3. 激活函数决定边界的形状</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="132"/>
        <source>Train this tanh network on the circle and watch a smooth, round boundary form. Then set layer 1 to ReLU (straight pieces with corners), then to Linear: a stack of linear layers is one straight line, however deep.</source>
        <translation>在圆形数据上训练这个 tanh 网络，看一条光滑的圆形边界出现。然后把第 1 层改成 ReLU（带拐角的直线段），再改成 Linear：线性层叠得再深，也只是一条直线。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="138"/>
        <source>Round and smooth: tanh bends gently. Now choose ReLU for layer 1.</source>
        <translation>又圆又平滑：tanh 的弯曲很柔和。现在把第 1 层选成 ReLU。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="141"/>
        <source>ReLU draws the circle from straight pieces. Now choose Linear for every hidden layer.</source>
        <translation>ReLU 用直线段拼出圆。现在把每个隐藏层都选成 Linear。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="144"/>
        <source>All linear: the boundary is one straight line again and the accuracy drops. Non-linear activations are what hidden layers are for. Press Next.</source>
        <translation>全部是线性的：边界又变回一条直线，准确率下降。隐藏层的意义就在于非线性的激活函数。按“下一课”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="149"/>
        <source>ReLU has not found the circle: it stays under 90%. Its units may have settled on a band, or died (a flat map in the diagram: 0 for every point). Press Reset for fresh weights.</source>
        <translation>ReLU 没有找到这个圆：准确率一直低于 90%。它的单元可能停在了一条带子上，或者死了（图中平平的小图：对每个点都输出 0）。按“重置”换一组新的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="158"/>
        <source>4. The learning rate</source>
        <translation>4. 学习率</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="159"/>
        <source>The learning rate is 0.0001: press Train and watch almost nothing move. Then try 0.03, then 10 (type it into the Learning rate box while it trains). The loss landscape beside it draws the path each rate takes.</source>
        <translation>学习率是 0.0001：按“训练”，看几乎什么都不动。然后试 0.03，再试 10（训练时直接在“学习率”框里输入）。旁边的损失曲面画出每个学习率走过的路径。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="165"/>
        <source>Crawling: each step is tiny. Set the learning rate to 0.03.</source>
        <translation>在爬行：每一步都很小。把学习率设为 0.03。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="168"/>
        <source>Learned. Now set the learning rate to 10 and watch the loss.</source>
        <translation>学会了。现在把学习率设为 10，观察损失。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="171"/>
        <source>Too large: the steps overshoot and the loss jumps or blows up. Seed 000&apos;s network took the gradient summed over 10,000 images with no rate at all: the Bug lab&apos;s first question shows its collapse. Press Next.</source>
        <translation>太大了：每一步都跨过头，损失跳动甚至爆炸。种子 000 的网络把 10,000 张图像的梯度加总后直接使用，根本没有学习率：Bug 实验室的第一个问题展示了它的崩溃。按“下一课”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="194"/>
        <source>5. Noise, few points and overfitting</source>
        <translation>5. 噪声、少量的点与过拟合</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="195"/>
        <source>Twenty noisy training points and a large network: press Train and watch the train loss fall towards 0 while the test loss (orange) climbs: the network learns the noise by heart. Then set Regularization to L2 and watch the test loss come back down.</source>
        <translation>二十个带噪声的训练点和一个大网络：按“训练”，看训练损失降向 0，而测试损失（橙色）却在上升：网络把噪声背了下来。然后把“正则化”设为 L2，看测试损失降回来。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="203"/>
        <source>The curves part: the network learns the noise of its twenty points, not the circle. Choose L2 under Regularization.</source>
        <translation>两条曲线分开了：网络学到的是这二十个点的噪声，而不是圆。在“正则化”里选 L2。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="207"/>
        <source>L2 pulls every weight towards zero, so the boundary stays simpler: the test loss came down by a third or more. Another cure: set Regularization to None, the learning rate to 0.01 and both layers&apos; dropout to 50%, then Reset and Train.</source>
        <translation>L2 把每个权重拉向零，边界就保持得更简单：测试损失降低了三分之一或更多。另一种办法：把“正则化”设为“无”，学习率设为 0.01，两层的 dropout 都设为 50%，然后按“重置”和“训练”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="214"/>
        <source>Each step drops half the units at random, so no unit can learn a noisy point alone: after 300 epochs the test loss is under two thirds of its peak. A third cure: dropout back to 0%, Early stop 50, then Reset and Train.</source>
        <translation>每一步随机丢掉一半的单元，于是没有哪个单元能独自记住一个带噪声的点：300 轮之后，测试损失低于它峰值的三分之二。第三种办法：把 dropout 改回 0%，“早停”设为 50，然后按“重置”和“训练”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="220"/>
        <source>The run stopped 50 epochs after its best test loss and kept that epoch&apos;s weights: the network from before it learnt the noise. More points would help too (Points). Press Next.</source>
        <translation>训练在测试损失最好的那一轮之后 50 轮停了下来，并保留了那一轮的权重：也就是它学会噪声之前的网络。更多的点也有帮助（“点数”）。按“下一课”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="226"/>
        <source>L2 at this rate has not brought the test loss down by a third in 200 epochs: it pulls too weakly here. Raise its Rate (0.03 works on this setup).</source>
        <translation>这个强度的 L2 在 200 个 epoch 里没能让测试损失降低三分之一：它在这里拉得太弱了。提高它的“强度”（在这个设置上 0.03 有效）。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="231"/>
        <source>Dropout has not kept the test loss down here: at a learning rate of 0.03 the weights still grow to fit the noise. Set it to 0.01, Reset and Train.</source>
        <translation>Dropout 在这里没能压住测试损失：学习率为 0.03 时，权重仍会长大去拟合噪声。把学习率设为 0.01，然后按“重置”和“训练”。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="247"/>
        <source>6. From the plane to MNIST</source>
        <translation>6. 从平面到 MNIST</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="248"/>
        <source>The same kind of network, with 784 inputs: one per pixel of a 28×28 digit. Press Train for two or three epochs and watch the test accuracy pass 90%; then press Draw with it and draw digits in the Digits tab.</source>
        <translation>同样的网络，只是有 784 个输入：28×28 数字的每个像素一个。按“训练”跑两三个 epoch，看测试准确率超过 90%；然后按“用它来画”，在“手写数字”标签页里画数字。</translation>
    </message>
    <message>
        <location filename="../../playground/teach/lessons.py" line="254"/>
        <source>Over 90% of the 10,000 test digits read right. Now press Draw with it, draw a digit and watch what it reads.</source>
        <translation>10,000 个测试数字中超过 90% 读对了。现在按“用它来画”，画一个数字，看它读出什么。</translation>
    </message>
</context>
<context>
    <name>LessonsDock</name>
    <message>
        <location filename="../../playground/gui/lessons_dock.py" line="30"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../playground/gui/lessons_dock.py" line="71"/>
        <source>New here? Six short lessons show what to try and what to watch, from XOR to MNIST.</source>
        <translation>第一次来？六节简短的课程告诉你该试什么、该看什么，从 XOR 到 MNIST。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/lessons_dock.py" line="75"/>
        <source>Start the lessons</source>
        <translation>开始上课</translation>
    </message>
    <message>
        <location filename="../../playground/gui/lessons_dock.py" line="77"/>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="52"/>
        <source>Loss (how wrong the network is) and accuracy on the training points (dark) and the held-out test points (orange), epoch by epoch.</source>
        <translation>每个 epoch 在训练点（深色）和留出的测试点（橙色）上的损失（网络错得有多厉害）和准确率。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="64"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="65"/>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="198"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="66"/>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="67"/>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="153"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="151"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="151"/>
        <source>train, with dropout</source>
        <translation>训练（含 dropout）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="152"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="165"/>
        <source>Epoch {0}, shown from the timeline</source>
        <translation>Epoch {0}，从时间线显示</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="183"/>
        <source>Run {0}, a branch of this run</source>
        <translation>运行 {0}，这次运行的一个分支</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="198"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/loss_plot.py" line="256"/>
        <source>Epoch {0}: {1}</source>
        <translation>第 {0} 个 epoch：{1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../playground/gui/main_window.py" line="83"/>
        <location filename="../../playground/gui/main_window.py" line="348"/>
        <source>Neural network playground</source>
        <translation>神经网络 playground</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="139"/>
        <location filename="../../playground/gui/main_window.py" line="339"/>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="140"/>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="141"/>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="144"/>
        <source>Your code</source>
        <translation>你的代码</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="147"/>
        <source>Small networks on 2-D points: watch the decision boundary</source>
        <translation>二维点上的小网络：观察决策边界</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="148"/>
        <source>Train a network on 60,000 handwritten digits</source>
        <translation>在 60,000 个手写数字上训练网络</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="149"/>
        <source>Draw a digit and watch an MNIST network read it</source>
        <translation>画一个数字，看 MNIST 网络如何读它</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="150"/>
        <source>Check your own backprop code against the playground&apos;s</source>
        <translation>把你自己的反向传播代码与 playground 的作比较</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="165"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="175"/>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="178"/>
        <source>Loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="181"/>
        <source>Weights and gradients</source>
        <translation>权重与梯度</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="228"/>
        <source>Nothing to undo: no weight was set by hand, and no run was left</source>
        <translation>没有可撤销的：没有手动设置过权重，也没有离开过哪次运行</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="271"/>
        <source>{0}: fixed</source>
        <translation>{0}：已修正</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="272"/>
        <source>{0}: as written</source>
        <translation>{0}：按原样</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="378"/>
        <source>Damaged settings set aside, defaults used: {0}</source>
        <translation>已搁置损坏的设置，改用默认值：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/main_window.py" line="347"/>
        <source>{0} – Neural network playground</source>
        <translation>{0} – 神经网络 playground</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../playground/gui/menus.py" line="31"/>
        <source>As a &amp;NumPy script…</source>
        <translation>NumPy 脚本(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="32"/>
        <source>A standalone, commented NumPy script that builds this network, makes its data and trains it with these settings: a reference to read beside your own code</source>
        <translation>一个独立的、带注释的 NumPy 脚本，用这些设置搭建这个网络、生成数据并训练它：可以对照你自己的代码阅读的参考</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="35"/>
        <source>As &amp;ONNX…</source>
        <translation>ONNX(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="36"/>
        <source>An ONNX model (opset 17) whose output is the network&apos;s probabilities, for onnxruntime and other tools</source>
        <translation>一个 ONNX 模型（opset 17），输出是网络的概率，可用于 onnxruntime 等工具</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="38"/>
        <source>As a &amp;PyTorch file…</source>
        <translation>PyTorch 文件(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="39"/>
        <source>A Python file that defines `model`, a torch.nn.Sequential with these weights (it needs torch; the playground does not)</source>
        <translation>一个定义了 `model` 的 Python 文件，`model` 是带有这些权重的 torch.nn.Sequential（它需要 torch；playground 不需要）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="42"/>
        <source>The &amp;data as CSV…</source>
        <translation>数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="43"/>
        <source>The points: features, label and whether each is train or test</source>
        <translation>所有点：特征、标签，以及每个点属于训练集还是测试集</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="46"/>
        <source>Picture of the &amp;decision boundary…</source>
        <translation>决策边界的图片(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="47"/>
        <source>Picture of the &amp;loss plot…</source>
        <translation>损失曲线的图片(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="48"/>
        <source>Picture of the network dia&amp;gram…</source>
        <translation>网络图的图片(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="50"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="51"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="52"/>
        <source>Circle with x₁² and x₂² as inputs</source>
        <translation>以 x₁² 和 x₂² 为输入的圆形</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="53"/>
        <source>Two Gaussians</source>
        <translation>两个高斯</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="54"/>
        <source>Moons (ReLU, Adam)</source>
        <translation>双月（ReLU，Adam）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="55"/>
        <source>Spiral (sin features)</source>
        <translation>螺旋（sin 特征）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="56"/>
        <source>Spiral of three classes (softmax)</source>
        <translation>三类螺旋（softmax）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="58"/>
        <location filename="../../playground/gui/menus.py" line="128"/>
        <source>Start or pause training</source>
        <translation>开始或暂停训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="59"/>
        <source>Train one epoch</source>
        <translation>训练一个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="60"/>
        <source>Stop training, keep the weights</source>
        <translation>停止训练，保留权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="61"/>
        <source>Reset the weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="62"/>
        <source>Many seeds side by side</source>
        <translation>多个种子并排训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="63"/>
        <source>New network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="64"/>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="65"/>
        <source>Open a TensorFlow Playground link</source>
        <translation>打开 TensorFlow Playground 链接</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="66"/>
        <source>Open the TensorFlow Playground link on the clipboard (outside a text field)</source>
        <translation>打开剪贴板里的 TensorFlow Playground 链接（不在文本框里时）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="68"/>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="69"/>
        <source>Save the model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="70"/>
        <source>Show or hide test points</source>
        <translation>显示或隐藏测试点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="71"/>
        <source>Discretize the output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="72"/>
        <source>Diagnostics and the bug lab</source>
        <translation>诊断与错误实验室</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="73"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="74"/>
        <source>The loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="75"/>
        <source>Weights and gradients over the run</source>
        <translation>训练过程中的权重与梯度</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="76"/>
        <source>This list</source>
        <translation>这个列表</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="77"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="86"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="87"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="88"/>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="88"/>
        <source>&amp;Bug lab</source>
        <translation>Bug 实验室(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="89"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="105"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="106"/>
        <source>Start again with the XOR example</source>
        <translation>从 XOR 示例重新开始</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="107"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="108"/>
        <source>Open a saved model</source>
        <translation>打开已保存的模型</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="109"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="111"/>
        <source>Open &amp;TensorFlow Playground link…</source>
        <translation>打开 TensorFlow Playground 链接(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="112"/>
        <source>Open a TensorFlow Playground link here, on its very points (or paste one with Ctrl+V)</source>
        <translation>在这里打开一个 TensorFlow Playground 链接，用的就是它的那些点（也可以用 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="114"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="115"/>
        <source>Save the model and its data settings</source>
        <translation>保存模型及其数据设置</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="116"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="117"/>
        <source>Save under a new name</source>
        <translation>以新名称保存</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="118"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="119"/>
        <source>&amp;Copy as TensorFlow Playground link</source>
        <translation>复制为 TensorFlow Playground 链接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="120"/>
        <source>The Playground&apos;s setup as a link that opens it in TensorFlow Playground</source>
        <translation>把 Playground 的设置写成一个链接，在 TensorFlow Playground 里打开它</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="123"/>
        <source>Close the playground</source>
        <translation>关闭 playground</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="127"/>
        <source>Start / &amp;pause</source>
        <translation>开始 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="129"/>
        <source>&amp;Step one epoch</source>
        <translation>单步训练一个 epoch(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="130"/>
        <source>Train one epoch, then pause</source>
        <translation>训练一个 epoch，然后暂停</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="131"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="132"/>
        <source>End the run and keep the weights it reached</source>
        <translation>结束这次训练，保留已达到的权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="133"/>
        <source>&amp;Reset weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="134"/>
        <source>Fresh random weights from the seed</source>
        <translation>由随机种子重新生成权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="136"/>
        <source>&amp;Many seeds…</source>
        <translation>多个种子(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="137"/>
        <source>Train copies of the Playground&apos;s network from many seeds at once, side by side</source>
        <translation>从多个种子同时训练 Playground 网络的副本，并排显示</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="143"/>
        <source>Show &amp;test points</source>
        <translation>显示测试点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="144"/>
        <source>Draw the held-out test points (black rim)</source>
        <translation>画出留出的测试点（黑色边框）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="146"/>
        <source>&amp;Discretize output</source>
        <translation>离散化输出(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="147"/>
        <source>Colour the plane by the predicted class only</source>
        <translation>只按预测的类别给平面着色</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="148"/>
        <source>Data &amp;panel</source>
        <translation>数据面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="149"/>
        <source>The Playground&apos;s data and input features (a narrow window hides them to keep the plots in view)</source>
        <translation>Playground 的数据和输入特征（窗口较窄时会隐藏，让图表留在视野中）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="156"/>
        <source>The health monitor, the gradient check and the bug lab</source>
        <translation>健康监视器、梯度检查和 Bug 实验室</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="157"/>
        <source>&amp;Step inspector</source>
        <translation>单步检查器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="158"/>
        <source>Every number of one training step on one point</source>
        <translation>一个点上一步训练的每一个数字</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="159"/>
        <source>&amp;Loss landscape</source>
        <translation>损失曲面(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="160"/>
        <source>The loss around the weights now, and the run&apos;s path</source>
        <translation>当前权重周围的损失，以及训练的路径</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="161"/>
        <source>&amp;Weights and gradients</source>
        <translation>权重与梯度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="162"/>
        <source>Each layer&apos;s weights and gradients over the run, as bands</source>
        <translation>每一层在训练过程中的权重与梯度，画成带状</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="173"/>
        <source>TensorFlow Playground&apos;s first screen</source>
        <translation>TensorFlow Playground 的第一屏</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="175"/>
        <source>Circle, 4-2 tanh, learning rate 0.03: TensorFlow Playground&apos;s own first screen, on its very points</source>
        <translation>圆形，4-2 tanh，学习率 0.03：TensorFlow Playground 自己的第一屏，用的就是它的那些点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="181"/>
        <source>Load the {0} example</source>
        <translation>载入 {0} 示例</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="188"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="189"/>
        <source>Six short guided lessons, from XOR to MNIST</source>
        <translation>六节简短的引导课程，从 XOR 到 MNIST</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="190"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="191"/>
        <source>List shortcuts</source>
        <translation>列出快捷键</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="192"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="192"/>
        <location filename="../../playground/gui/menus.py" line="219"/>
        <source>About the playground</source>
        <translation>关于 playground</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="202"/>
        <source>{0} (needs the onnx package)</source>
        <translation>{0}（需要 onnx 包）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="208"/>
        <source>A PNG or SVG file of this view</source>
        <translation>这个视图的 PNG 或 SVG 文件</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="213"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../playground/gui/menus.py" line="220"/>
        <source>&lt;b&gt;Neural network playground {0}&lt;/b&gt;&lt;p&gt;Build a small network, watch it learn, and see why it fails. The network is written from scratch in NumPy.&lt;/p&gt;&lt;p&gt;MNIST is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;神经网络 playground {0}&lt;/b&gt;&lt;p&gt;搭一个小网络，看它学习，并看清它为什么失败。网络是用 NumPy 从零写成的。&lt;/p&gt;&lt;p&gt;MNIST 数据集由 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 提供（CC BY-SA 3.0）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MisreadGallery</name>
    <message>
        <location filename="../../playground/gui/widgets/mnist_results.py" line="114"/>
        <source>Test digits the network reads wrongly: the true digit, then its answer.</source>
        <translation>网络读错的测试数字：先是真实的数字，然后是它的回答。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_results.py" line="142"/>
        <source>No misread digits to show yet</source>
        <translation>还没有识别错的数字可显示</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_results.py" line="143"/>
        <source>None of these</source>
        <translation>没有这样的数字</translation>
    </message>
</context>
<context>
    <name>MnistPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="46"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="48"/>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="88"/>
        <source>■  Stop</source>
        <translation>■  停止</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="89"/>
        <source>End this run and keep the weights it reached.</source>
        <translation>结束这次训练，保留已达到的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="92"/>
        <source>How many epochs (passes over the 60,000 training images) one press of Train runs.</source>
        <translation>按一次“训练”运行多少个 epoch（遍历 60,000 张训练图像的次数）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="97"/>
        <source>Train on all images, or on the first few thousand for quick experiments (the test set stays 10,000).</source>
        <translation>在全部图像上训练，或者只用前几千张做快速实验（测试集始终是 10,000 张）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="100"/>
        <source>Augment</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="101"/>
        <source>Shift, rotate and thicken or thin each training digit a little, as mouse drawings differ from MNIST: slower to learn, reads drawings better.</source>
        <translation>把每个训练数字稍微平移、旋转、加粗或变细，因为鼠标画的数字与 MNIST 不同：学得慢一些，但更能读懂手画的数字。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="105"/>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="239"/>
        <source>The running epoch and the time left.</source>
        <translation>正在进行的 epoch 和剩余时间。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="110"/>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="111"/>
        <source>Save this network and its settings (Ctrl+S while this tab is shown).</source>
        <translation>保存这个网络及其设置（在此标签页中按 Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="113"/>
        <source>Draw with it  →</source>
        <translation>用它来画  →</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="114"/>
        <source>Read your drawings with this network in the Digits tab.</source>
        <translation>在“手写数字”标签页中用这个网络读你画的数字。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="117"/>
        <source>The last finished epoch on the 60,000 training and the 10,000 test images.</source>
        <translation>最近完成的 epoch 在 60,000 张训练图像和 10,000 张测试图像上的结果。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="132"/>
        <source>Epochs</source>
        <translation>Epoch 数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="134"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="153"/>
        <source>Layer 1: each unit&apos;s weights (blue +, orange −), most used first</source>
        <translation>第 1 层：每个单元的权重（蓝 +，橙 −），最常用的在前</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="163"/>
        <source>Confusion matrix on the 10,000 test digits</source>
        <translation>10,000 个测试数字的混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="165"/>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="249"/>
        <source>Misread test digits (true → answer)</source>
        <translation>读错的测试数字（真实 → 回答）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="217"/>
        <source>The number of images applies after Stop.</source>
        <translation>图像数量在停止后生效。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="226"/>
        <source>Reading MNIST…</source>
        <translation>正在读取 MNIST…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="237"/>
        <source>{0:,} epochs trained</source>
        <translation>已训练 {0:,} 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="238"/>
        <source>Not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="255"/>
        <source>Epoch {0}: {1:.0f}%</source>
        <translation>Epoch {0}：{1:.0f}%</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="259"/>
        <source>, {0} left in the epoch, {1} in all</source>
        <translation>，本 epoch 还剩 {0}，总共还剩 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="256"/>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="250"/>
        <source>Only {0} read as {1} (click the cell again for all)</source>
        <translation>只显示被读成 {1} 的 {0}（再点一次该格显示全部）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="261"/>
        <source>, {0} left</source>
        <translation>，还剩 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="275"/>
        <source>Epoch {0}, shown from the timeline.</source>
        <translation>Epoch {0}，从时间线显示。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="278"/>
        <source>Train to see the accuracy here.</source>
        <translation>训练后在这里查看准确率。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="282"/>
        <source>Edited after epoch {0}: train an epoch to measure the network as it is now.</source>
        <translation>在第 {0} 个 epoch 之后做了修改：训练一个 epoch 来测量现在的网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/mnist_panel.py" line="287"/>
        <source>After epoch {0}:
  test accuracy {1:.2f}%, loss {2:.4f}
  train accuracy {3:.2f}%, loss {4:.4f}</source>
        <translation>第 {0} 个 epoch 之后：
  测试准确率 {1:.2f}%，损失 {2:.4f}
  训练准确率 {3:.2f}%，损失 {4:.4f}</translation>
    </message>
</context>
<context>
    <name>MnistSession</name>
    <message>
        <location filename="../../playground/gui/sessions/mnist_reading.py" line="85"/>
        <source>Reading MNIST… training starts when it is read</source>
        <translation>正在读取 MNIST…读完后开始训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist_reading.py" line="111"/>
        <source>The Playground and Digits tabs work without it.</source>
        <translation>Playground 和手写数字标签页不需要它也能用。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist_reading.py" line="114"/>
        <source>The Playground tab works without it.</source>
        <translation>Playground 标签页不需要它也能用。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist_reading.py" line="115"/>
        <source>MNIST cannot be read, so this tab cannot train: {0}. {1}</source>
        <translation>无法读取 MNIST，这个标签页无法训练：{0}。{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist.py" line="147"/>
        <source>Trained {0} epochs</source>
        <translation>已训练 {0} 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist.py" line="148"/>
        <source>Trained {0} epochs: {1:.2f}% on the test set</source>
        <translation>已训练 {0} 个 epoch：测试集上 {1:.2f}%</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist.py" line="190"/>
        <source>That setup cannot be used: {0}</source>
        <translation>无法使用这个设置：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/steps.py" line="142"/>
        <source>test digit {0}, a {1}</source>
        <translation>测试数字 {0}，是 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/mnist.py" line="267"/>
        <source>Opened {0}: {1}</source>
        <translation>已打开 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>NarrowMode</name>
    <message>
        <location filename="../../playground/gui/narrow.py" line="107"/>
        <source>Data panel hidden to make room (View › Data panel)</source>
        <translation>数据面板已隐藏以腾出空间（视图 › 数据面板）</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="266"/>
        <source>+{0} more</source>
        <translation>还有 {0} 个</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="314"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="317"/>
        <source>{0} neurons</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="317"/>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="319"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="320"/>
        <source>, no bias</source>
        <translation>，无偏置</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="320"/>
        <source>, no b</source>
        <translation>，无 b</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="321"/>
        <source>, drop {0:g}%</source>
        <translation>，drop {0:g}%</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="381"/>
        <source>Inspect one training step…</source>
        <translation>查看一步训练…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/network_view.py" line="384"/>
        <source>Type a new value…</source>
        <translation>输入新的值…</translation>
    </message>
</context>
<context>
    <name>Picture</name>
    <message>
        <location filename="../../playground/gui/picture.py" line="96"/>
        <source>decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="97"/>
        <source>loss plot</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="97"/>
        <source>network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="108"/>
        <source>Save a picture of the {0}</source>
        <translation>保存{0}的图片</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="109"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="126"/>
        <source>Could not save the picture: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/picture.py" line="129"/>
        <source>Save a picture of the {0}…</source>
        <translation>保存{0}的图片…</translation>
    </message>
</context>
<context>
    <name>PredictionBars</name>
    <message>
        <location filename="../../playground/gui/widgets/digits_panel.py" line="51"/>
        <source>How sure the network is of each digit (its softmax outputs).</source>
        <translation>网络对每个数字有多大把握（它的 softmax 输出）。</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../playground/nn/schedule.py" line="64"/>
        <source>the warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="65"/>
        <source>step&apos;s factor F</source>
        <translation>step 的因子 F</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="66"/>
        <source>step&apos;s N</source>
        <translation>step 的 N</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="67"/>
        <source>exp&apos;s factor D</source>
        <translation>exp 的因子 D</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="68"/>
        <source>cosine&apos;s floor MIN</source>
        <translation>cosine 的下限 MIN</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="69"/>
        <source>cosine&apos;s N</source>
        <translation>cosine 的 N</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="82"/>
        <source>a schedule is written {forms} or {last}, not {text}</source>
        <translation>学习率计划的写法是 {forms} 或 {last}，而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="104"/>
        <source>{what} must be 0 or more, not {value}</source>
        <translation>{what} 必须大于或等于 0，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="118"/>
        <source>{what} must be a finite number, not {value}</source>
        <translation>{what} 必须是有限的数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="127"/>
        <source>{what} must lie in (0, 1] (a rate that decays), not {value}</source>
        <translation>{what} 必须在 (0, 1] 之内（让学习率衰减），而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../playground/nn/schedule.py" line="140"/>
        <source>{what} must be a whole number of epochs from {least}, not {value}</source>
        <translation>{what} 必须是不小于 {least} 的整数个 epoch，而不是 {value}</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="32"/>
        <source>The same rate every epoch</source>
        <translation>每一轮都用同一个学习率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="33"/>
        <source>Half the rate every 100 epochs</source>
        <translation>每 100 轮学习率减半</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="34"/>
        <source>×0.995 every epoch: half in 138 epochs</source>
        <translation>每轮 ×0.995：138 轮后减半</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="35"/>
        <source>Half a cosine from the rate down to 0 at epoch 500</source>
        <translation>半个余弦：从学习率降到第 500 轮的 0</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="37"/>
        <source>Half a cosine from the rate down to 0 at epoch 2,000</source>
        <translation>半个余弦：从学习率降到第 2,000 轮的 0</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="39"/>
        <source>Write a schedule of your own, with a warm-up</source>
        <translation>写一个你自己的计划，可带预热</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="67"/>
        <source>Early stopping: end the run once the test loss has not improved for this many epochs, and keep the weights of the epoch where it was lowest (it needs test points).</source>
        <translation>早停：测试损失连续这么多轮没有改善时结束训练，并保留测试损失最低那一轮的权重（需要测试点）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="103"/>
        <source> After a warm-up of {0} epochs.</source>
        <translation> 前面有 {0} 轮预热。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="106"/>
        <source>How the learning rate changes epoch by epoch: constant, a step down every N epochs, a little less every epoch, or half a cosine down to a floor. The rate now is in the status bar, and its line on the loss plot.</source>
        <translation>学习率如何逐轮变化：恒定、每 N 轮降一级、每轮少一点，或沿半个余弦降到下限。当前的学习率显示在状态栏里，它的曲线画在损失图上。</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="124"/>
        <source>Learning-rate schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="127"/>
        <source>constant · step:F:N (× F every N epochs) · exp:D (× D every epoch) · cosine:MIN or cosine:MIN:N (down to MIN at the run&apos;s last epoch, or at epoch N)</source>
        <translation>constant · step:F:N（每 N 轮 × F）· exp:D（每轮 × D）· cosine:MIN 或 cosine:MIN:N（在训练的最后一轮或第 N 轮降到 MIN）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="130"/>
        <source>The first epochs&apos; rate rises in a line up to the learning rate; the schedule starts after them.</source>
        <translation>最初几轮的学习率沿直线升到设定的学习率；计划在它们之后开始。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="140"/>
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="141"/>
        <source>Warm-up epochs</source>
        <translation>预热轮数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/schedule_box.py" line="147"/>
        <source>For example step:0.5:100, exp:0.99, cosine:0.001:1000.</source>
        <translation>例如 step:0.5:100、exp:0.99、cosine:0.001:1000。</translation>
    </message>
</context>
<context>
    <name>SeedGridDialog</name>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="107"/>
        <source>Many seeds</source>
        <translation>多个种子</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="120"/>
        <source>How many copies of the network, each from its own seed: the network&apos;s seed, the next one, and so on.</source>
        <translation>网络副本的数量，每个副本用自己的种子：网络本身的种子、下一个，依此类推。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="125"/>
        <source>Learning rates to sweep, separated by commas: every rate trains every seed. Empty: the network&apos;s own rate.</source>
        <translation>要扫描的学习率，用逗号分隔：每个学习率都训练每个种子。留空：使用网络自己的学习率。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="127"/>
        <source>e.g. 0.1, 0.35, 1</source>
        <translation>例如 0.1, 0.35, 1</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="128"/>
        <source>How many epochs each copy trains.</source>
        <translation>每个副本训练多少个 epoch。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="134"/>
        <source>Train the copies at once in the training process (Return); Stop keeps what they reached.</source>
        <translation>在训练进程中同时训练所有副本（回车）；“停止”会保留它们已达到的结果。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="139"/>
        <source>Copies at 100% on the training set.</source>
        <translation>在训练集上达到 100% 的副本。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="145"/>
        <source>Put back the previous network</source>
        <translation>恢复之前的网络</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="146"/>
        <source>The main network from before the last pick, with its weights.</source>
        <translation>上一次选择之前的主网络，连同它的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="148"/>
        <source>Compare two…</source>
        <translation>比较两个…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="149"/>
        <source>Two copies side by side, the best and the worst first: their boundaries, their curves and the difference in one sentence</source>
        <translation>并排比较两个副本，先显示最好的和最差的：它们的边界、曲线，以及一句话说明差别</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="157"/>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="158"/>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="159"/>
        <source>Epochs</source>
        <translation>Epoch 数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="197"/>
        <source>“{0}” is not a learning rate</source>
        <translation>“{0}”不是学习率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="200"/>
        <source>a learning rate must be a positive number, not {0}</source>
        <translation>学习率必须是正数，而不是 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="232"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="232"/>
        <source>Train the seeds</source>
        <translation>训练这些种子</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="302"/>
        <source>epoch {0:,} of {1:,}</source>
        <translation>epoch {0:,} / {1:,}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="305"/>
        <source>Train copies of the network from different seeds: some get stuck where others solve it.</source>
        <translation>从不同的种子训练网络的副本：有的会卡住，有的能学会。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="309"/>
        <source>{0} copies</source>
        <translation>{0} 个副本</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="311"/>
        <source>{0} of {1} reached 100%</source>
        <translation>{1} 个中有 {0} 个达到 100%</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="319"/>
        <source>seed {0}</source>
        <translation>种子 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="329"/>
        <source>loss {0:.3g}</source>
        <translation>损失 {0:.3g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="334"/>
        <source>blew up</source>
        <translation>已爆炸</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="335"/>
        <source>Seed {0}, learning rate {1:g}. Click: make it the main network.</source>
        <translation>种子 {0}，学习率 {1:g}。点击：把它设为主网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/seed_grid.py" line="339"/>
        <source>Early stopping ended it and kept epoch {0}.</source>
        <translation>早停结束了它的训练，并保留了第 {0} 轮的权重。</translation>
    </message>
</context>
<context>
    <name>SeedsRun</name>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="67"/>
        <source>Many seeds trains the playground&apos;s own network: press Back to the playground&apos;s code first.</source>
        <translation>“多个种子”训练的是 playground 自己的网络：请先点击“改回 playground 的代码”。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="71"/>
        <source>At most {0} copies at once: {1} seeds × {2} learning rates is {3}.</source>
        <translation>一次最多 {0} 个副本：{1} 个种子 × {2} 个学习率是 {3} 个。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="129"/>
        <source>The training process ended unexpectedly.</source>
        <translation>训练进程意外结束。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="168"/>
        <source>Seed {0} (rate {1:g})</source>
        <translation>种子 {0}（学习率 {1:g}）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="187"/>
        <source>Seed {0} (learning rate {1:g}) is the main network now</source>
        <translation>种子 {0}（学习率 {1:g}）现在是主网络</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/seeds.py" line="199"/>
        <source>The main network from before the pick is back</source>
        <translation>已恢复选择之前的主网络</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="120"/>
        <source>That setup cannot be used: {0}</source>
        <translation>无法使用这个设置：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="138"/>
        <source>Those data settings do not work: {0}</source>
        <translation>这些数据设置不可用：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="158"/>
        <source>A regression&apos;s targets are real numbers: its output stays linear or tanh, with mean squared error</source>
        <translation>回归的目标是实数：输出层保持 linear 或 tanh，使用均方误差</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="170"/>
        <source>A regression&apos;s points come with their targets: choose a class set to click points in</source>
        <translation>回归数据的点自带目标值：要点击添加点，请选择一个分类数据集</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/csv_import.py" line="65"/>
        <source>Import cancelled; the points are as they were</source>
        <translation>已取消导入；点保持原样</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/csv_import.py" line="70"/>
        <source>The import failed: {0}: {1}</source>
        <translation>导入失败：{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="213"/>
        <source>There are no training points. Click on the plane to add some, or choose a dataset.</source>
        <translation>没有训练点。在平面上点击添加一些，或选择一个数据集。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/steps.py" line="91"/>
        <source>at ({0:.2f}, {1:.2f}), class {2}</source>
        <translation>位于 ({0:.2f}, {1:.2f})，类别 {2}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/playground.py" line="267"/>
        <source>Opened {0}: {1}</source>
        <translation>已打开 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../playground/gui/status_line.py" line="96"/>
        <source>Epoch {0}</source>
        <translation>Epoch {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="92"/>
        <source>Epoch {0} of {1} (replay)</source>
        <translation>Epoch {0} / {1}（回放）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="78"/>
        <source>Loss {0}</source>
        <translation>损失 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="81"/>
        <source>RMSE {0}</source>
        <translation>RMSE {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="83"/>
        <source>Accuracy {0}</source>
        <translation>准确率 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="88"/>
        <source>{0} samples/s</source>
        <translation>每秒 {0} 个样本</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="94"/>
        <source>Epoch {0} of {1} (kept)</source>
        <translation>Epoch {0} / {1}（保留）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/status_line.py" line="108"/>
        <source>LR {0}</source>
        <translation>学习率 {0}</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="71"/>
        <source>The training point whose step is shown (it is ringed on the plane).</source>
        <translation>显示其训练步骤的训练点（在平面上用圆圈标出）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="74"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="75"/>
        <source>The previous stage (Left).</source>
        <translation>上一个阶段（左方向键）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="76"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="77"/>
        <source>The next stage (Right).</source>
        <translation>下一个阶段（右方向键）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="91"/>
        <source>Printout</source>
        <translation>打印输出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="92"/>
        <source>The arrays of one step on the first four points, under the names tutorials print them.</source>
        <translation>前四个点上一步训练的各个数组，用教程打印时的名字。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="96"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="97"/>
        <source>Copy what is shown as text.</source>
        <translation>把显示的内容复制为文本。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="110"/>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="147"/>
        <source>Training: the weights move. Back or Next pauses it and shows the step on the weights as they are then.</source>
        <translation>正在训练：权重在变化。按“后退”或“前进”会暂停训练，并显示那时权重上的这一步。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="205"/>
        <source>without the bugs:</source>
        <translation>没有错误时：</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="239"/>
        <source>One step on the first four training points, as a tutorial prints it</source>
        <translation>前四个训练点上的一步训练，按教程打印的样子</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="240"/>
        <source>The printout needs a network with exactly one hidden layer.</source>
        <translation>打印输出需要一个恰好有一个隐藏层的网络。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="248"/>
        <source>There is nothing to inspect yet (no points, or MNIST not read).</source>
        <translation>还没有可检查的内容（没有点，或者 MNIST 尚未读入）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="255"/>
        <source>  ◀ the first difference</source>
        <translation>  ◀ 第一个差异</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/step_inspector.py" line="257"/>
        <source>{0} of {1}: {2}{3}</source>
        <translation>{0} / {1}：{2}{3}</translation>
    </message>
</context>
<context>
    <name>Tfp</name>
    <message>
        <location filename="../../playground/tfp/link.py" line="253"/>
        <source>TensorFlow Playground draws its own points from this seed: they are not the ones here</source>
        <translation>TensorFlow Playground 会用这个种子画出它自己的点：不是这里的这些</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="262"/>
        <source>TensorFlow Playground has no data set {name}</source>
        <translation>TensorFlow Playground 没有数据集 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="265"/>
        <source>TensorFlow Playground&apos;s data sets have two classes</source>
        <translation>TensorFlow Playground 的数据集只有两个类别</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="268"/>
        <source>TensorFlow Playground has one activation for all hidden layers</source>
        <translation>TensorFlow Playground 所有隐藏层只用一种激活函数</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="271"/>
        <source>TensorFlow Playground has no {name} activation</source>
        <translation>TensorFlow Playground 没有 {name} 激活函数</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="274"/>
        <source>TensorFlow Playground has at most six hidden layers of eight neurons</source>
        <translation>TensorFlow Playground 最多六个隐藏层，每层最多八个神经元</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="277"/>
        <source>TensorFlow Playground&apos;s neurons all have a bias</source>
        <translation>TensorFlow Playground 的神经元都有偏置</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="281"/>
        <source>TensorFlow Playground has no input feature {name}</source>
        <translation>TensorFlow Playground 没有输入特征 {name}</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="284"/>
        <source>TensorFlow Playground trains with plain SGD only</source>
        <translation>TensorFlow Playground 只用普通 SGD 训练</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="287"/>
        <source>TensorFlow Playground takes L1 or L2, not both</source>
        <translation>TensorFlow Playground 只能用 L1 或 L2，不能同时用</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="290"/>
        <source>TensorFlow Playground has no bug lab</source>
        <translation>TensorFlow Playground 没有 Bug 实验室</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="292"/>
        <source>TensorFlow Playground has no dropout</source>
        <translation>TensorFlow Playground 没有 dropout</translation>
    </message>
    <message>
        <location filename="../../playground/tfp/link.py" line="294"/>
        <source>TensorFlow Playground keeps its learning rate constant</source>
        <translation>TensorFlow Playground 的学习率是恒定的</translation>
    </message>
</context>
<context>
    <name>TfpActions</name>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="45"/>
        <source>Open a TensorFlow Playground link</source>
        <translation>打开 TensorFlow Playground 链接</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="46"/>
        <source>Paste the link (its setup follows the #):</source>
        <translation>粘贴链接（设置在 # 之后）：</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="59"/>
        <source>The clipboard holds no TensorFlow Playground link</source>
        <translation>剪贴板里没有 TensorFlow Playground 链接</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="68"/>
        <source>That is not a TensorFlow Playground link: it names none of its settings (such as dataset=circle&amp;learningRate=0.03 after the #). Nothing was changed.</source>
        <translation>这不是 TensorFlow Playground 链接：它没有提到任何一个设置（比如 # 之后的 dataset=circle&amp;learningRate=0.03）。什么都没有改变。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="75"/>
        <source>Link opened: {0}, seed {1}</source>
        <translation>链接已打开：{0}，种子 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="79"/>
        <source>The link opened. These of its settings have no counterpart here and were left out: {0}</source>
        <translation>链接已打开。它的这些设置在这里没有对应项，已略去：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="89"/>
        <source>This setup does not fit TensorFlow Playground: {0}.</source>
        <translation>这个设置不适合 TensorFlow Playground：{0}。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="93"/>
        <source>Copied the TensorFlow Playground link of this setup</source>
        <translation>已复制这个设置的 TensorFlow Playground 链接</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="95"/>
        <source> (TensorFlow Playground will draw its own points from its seed)</source>
        <translation>（TensorFlow Playground 会用它的种子画出它自己的点）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/tfp_actions.py" line="101"/>
        <source>TensorFlow Playground link</source>
        <translation>TensorFlow Playground 链接</translation>
    </message>
</context>
<context>
    <name>TheirProgram</name>
    <message>
        <location filename="../../playground/learner/their_program.py" line="59"/>
        <source>the playground could not follow your program: {error}</source>
        <translation>playground 无法跟随你的程序：{error}</translation>
    </message>
    <message>
        <location filename="../../playground/learner/their_program.py" line="69"/>
        <source>a step of your program does not show the network the check found ({error})</source>
        <translation>你的程序的某一步与检查找到的网络不符（{error}）</translation>
    </message>
    <message>
        <location filename="../../playground/learner/their_program.py" line="137"/>
        <source>your program ran to its end</source>
        <translation>你的程序运行到了结尾</translation>
    </message>
    <message>
        <location filename="../../playground/learner/their_program.py" line="139"/>
        <source>your program raised {error}{where}</source>
        <translation>你的程序抛出了 {error}{where}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../playground/gui/sessions/replay.py" line="113"/>
        <source>Epoch {0}&apos;s network took other inputs or gave other outputs than today&apos;s data have: it cannot be shown on them</source>
        <translation>Epoch {0} 的网络所用的输入或输出与现在的数据不同：无法在现在的数据上显示它</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/replay.py" line="183"/>
        <source>Going on from epoch {0}; the run after it is kept as Run {1} (Ctrl+Z goes back to it)</source>
        <translation>从 epoch {0} 继续；它之后的运行保留为运行 {1}（Ctrl+Z 回到那里）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/replay.py" line="203"/>
        <source>Back to Run {0}, at epoch {1}; Run {2} is kept</source>
        <translation>回到运行 {0}，epoch {1}；运行 {2} 已保留</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="59"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="60"/>
        <source>Play the run back from the epoch shown (from its start when it is live)</source>
        <translation>从显示的 epoch 开始回放这次运行（处于当前时从头开始）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="63"/>
        <source>Epochs a second while playing back</source>
        <translation>回放时每秒的 epoch 数</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="66"/>
        <source>{0}/s</source>
        <translation>{0}/秒</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="69"/>
        <source>The run&apos;s timeline: drag, or use the arrow keys, to show any past epoch&apos;s network (training pauses meanwhile)</source>
        <translation>这次运行的时间线：拖动或用方向键显示任意过去 epoch 的网络（其间训练暂停）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="77"/>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="78"/>
        <source>Train on from the epoch shown, with its weights and optimizer state; the run after it is kept as a branch (Ctrl+Z goes back to it)</source>
        <translation>从显示的 epoch 继续训练，使用它的权重和优化器状态；它之后的运行作为分支保留（Ctrl+Z 回到那里）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="80"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="81"/>
        <source>Back to the run as it is now</source>
        <translation>回到这次运行现在的样子</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="83"/>
        <source>The branches of this run: go back to one, or compare two</source>
        <translation>这次运行的分支：回到其中一个，或比较两个</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="84"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="130"/>
        <source> · all from {0}</source>
        <translation> · {0} 起全部保留</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="141"/>
        <source>epoch {0} of {1} (kept)</source>
        <translation>epoch {0} / {1}（保留）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="143"/>
        <source>epoch {0}</source>
        <translation>epoch {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="144"/>
        <source>epoch {0} of {1} (replay)</source>
        <translation>epoch {0} / {1}（回放）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="148"/>
        <source>Training with your code keeps no timeline: its update is yours</source>
        <translation>用你的代码训练时没有时间线：更新是你的代码做的</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="151"/>
        <source>No epoch is kept yet: train, and every epoch is kept here</source>
        <translation>还没有保留任何 epoch：开始训练，每个 epoch 都会保留在这里</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="153"/>
        <source>Every epoch from {0} on is kept</source>
        <translation>从 {0} 起的每个 epoch 都保留</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="156"/>
        <source>Every epoch up to {0} and from {1} on is kept; between them, 1 epoch in {2}</source>
        <translation>到 {0} 为止和从 {1} 起的每个 epoch 都保留；两者之间，每 {2} 个 epoch 保留 1 个</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="158"/>
        <source>Every epoch up to {0} and from {1} on is kept; between them, 1 epoch in {2} to 1 in {3}, fewer the older</source>
        <translation>到 {0} 为止和从 {1} 起的每个 epoch 都保留；两者之间，每 {2} 个到每 {3} 个 epoch 保留 1 个，越早越少</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="206"/>
        <source>Run {0} (this one): {1}</source>
        <translation>运行 {0}（当前）：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="210"/>
        <source>Run {0}: {1}</source>
        <translation>运行 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="214"/>
        <source>Compare two runs…</source>
        <translation>比较两次运行…</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="222"/>
        <source>from Run {0} at epoch {1}</source>
        <translation>从运行 {0} 的 epoch {1} 分出</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="227"/>
        <source>{0} epochs</source>
        <translation>{0} 个 epoch</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="230"/>
        <source>loss {0:.3g}</source>
        <translation>损失 {0:.3g}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="233"/>
        <source>accuracy {0:.0%}</source>
        <translation>准确率 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/timeline_bar.py" line="234"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="74"/>
        <source>Your code&apos;s update() steps the weights, with this learning rate.</source>
        <translation>由你代码中的 update() 以这个学习率更新权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="82"/>
        <location filename="../../playground/gui/widgets/train_panel.py" line="224"/>
        <source>▶  Train</source>
        <translation>▶  训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="83"/>
        <source>Start or pause training (Space). Training runs in the background; the plots follow it live.</source>
        <translation>开始或暂停训练（空格键）。训练在后台运行；图表实时跟随。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="86"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="87"/>
        <source>Train exactly one epoch, then pause (Ctrl+Right): watch a single pass over the data.</source>
        <translation>只训练一个 epoch，然后暂停（Ctrl+→）：观察对数据的一次遍历。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="90"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="91"/>
        <source>Throw the learned weights away and start again from fresh random weights (Ctrl+R).</source>
        <translation>丢掉学到的权重，从新的随机权重重新开始（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="93"/>
        <source>Epoch 0</source>
        <translation>Epoch 0</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="94"/>
        <source>Passes over the training data so far.</source>
        <translation>到目前为止遍历训练数据的次数。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="97"/>
        <source>Learning rate: how far each step moves the weights. Too small learns slowly; too large makes the loss jump or explode. Applies at the next step.</source>
        <translation>学习率：每一步移动权重的幅度。太小学得慢；太大会让损失跳动或爆炸。从下一步开始生效。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="102"/>
        <source>How gradients become steps: plain SGD, SGD with momentum (keeps a running direction), or Adam (a step size per weight).</source>
        <translation>梯度如何变成步长：普通 SGD、带动量的 SGD（保持一个方向），或 Adam（每个权重有自己的步长）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="106"/>
        <source>Your code</source>
        <translation>你的代码</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="106"/>
        <source>Your own forward, backward and update (the Your code tab) drive this training; Back to the playground&apos;s code is there.</source>
        <translation>由你自己的 forward、backward 和 update（“你的代码”标签页）驱动这次训练；“改回 playground 的代码”也在那里。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="113"/>
        <source>Samples per step: the gradient is averaged over this many points before the weights move.</source>
        <translation>每一步的样本数：权重移动之前，梯度在这么多个点上取平均。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="116"/>
        <source>Regularization pulls weights towards zero: L1 makes many exactly zero, L2 keeps all small.</source>
        <translation>正则化把权重拉向零：L1 让许多权重恰好为零，L2 让所有权重都保持较小。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="120"/>
        <source>How strongly regularization pulls on the weights.</source>
        <translation>正则化拉动权重的力度。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="124"/>
        <source>How fast training goes: one epoch a second to follow each update, up to full speed. Applies at once.</source>
        <translation>训练的速度：从每秒一个 epoch（便于看清每次更新）到全速。立即生效。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="162"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="162"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="163"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="163"/>
        <source>Early stop</source>
        <translation>早停</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="165"/>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="165"/>
        <source>Rate</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="166"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="166"/>
        <source>Schedule</source>
        <translation>学习率计划</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="201"/>
        <source>The learning rate must be a number, not {0!r}.</source>
        <translation>学习率必须是一个数，而不是 {0!r}。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="224"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
    <message>
        <location filename="../../playground/gui/widgets/train_panel.py" line="227"/>
        <source>Epoch {0}</source>
        <translation>Epoch {0}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <location filename="../../playground/nn/train.py" line="308"/>
        <source>the loss became {loss}</source>
        <translation>损失变成了 {loss}</translation>
    </message>
    <message>
        <location filename="../../playground/nn/train.py" line="311"/>
        <source>the gradient became inf or nan</source>
        <translation>梯度变成了 inf 或 nan</translation>
    </message>
    <message>
        <location filename="../../playground/nn/train.py" line="314"/>
        <source>the loss grew to {loss:.3g}, over {factor:g} times its start</source>
        <translation>损失增长到 {loss:.3g}，超过起点的 {factor:g} 倍</translation>
    </message>
    <message>
        <location filename="../../playground/nn/train.py" line="317"/>
        <source>{what} (learning rate {lr:g}); the last weights with a sane loss were restored</source>
        <translation>{what}（学习率 {lr:g}）；已恢复到最后一组损失正常的权重</translation>
    </message>
    <message>
        <location filename="../../playground/nn/early_stop.py" line="54"/>
        <source>stopped at epoch {epoch}: the test loss last improved at {best}; the weights of epoch {best} are kept</source>
        <translation>在第 {epoch} 轮停止：测试损失最后一次改善是在第 {best} 轮；保留了第 {best} 轮的权重</translation>
    </message>
</context>
<context>
    <name>TrainingRun</name>
    <message>
        <location filename="../../playground/gui/process_link.py" line="167"/>
        <source>The training process cannot start: {0}</source>
        <translation>训练进程无法启动：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_link.py" line="186"/>
        <source>The training process ended unexpectedly.</source>
        <translation>训练进程意外结束。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="12"/>
        <source>Your code did not finish a training step within {0:g} s (an endless loop?). Its process was ended; the last weights it showed are kept.</source>
        <translation>你的代码没有在 {0:g} 秒内完成一步训练（死循环？）。它的进程已被结束；保留最后显示的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="16"/>
        <source>The training process did not answer for {0:g} s and was ended; the last weights it showed are kept.</source>
        <translation>训练进程 {0:g} 秒没有响应，已被结束；保留它最后显示的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="25"/>
        <source>Your code used more than {0} MB, so its process was ended; the last weights it showed are kept.</source>
        <translation>你的代码使用了超过 {0} MB 的内存，所以它的进程已被结束；保留它最后显示的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="30"/>
        <source>The training process sent something that is not a message of the playground&apos;s, so it was ended; the last weights it showed are kept.</source>
        <translation>训练进程发送了不属于 playground 的消息，所以已被结束；保留它最后显示的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="35"/>
        <source>The process running your code ended unexpectedly (did your code exit or crash?); the last weights it showed are kept.</source>
        <translation>运行你的代码的进程意外结束（你的代码是否退出或崩溃了？）；保留它最后显示的权重。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/process_words.py" line="39"/>
        <source>The training process ended unexpectedly; the last weights it showed are kept.</source>
        <translation>训练进程意外结束；保留它最后显示的权重。</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="46"/>
        <location filename="../../playground/gui/sessions/edits.py" line="145"/>
        <source>That network cannot be built: {0}</source>
        <translation>无法搭建这个网络：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="52"/>
        <source>Your code&apos;s LAYERS, ACTIVATION and OUTPUT decide the network; change them in the Your code tab</source>
        <translation>你代码中的 LAYERS、ACTIVATION 和 OUTPUT 决定网络；请在“你的代码”标签页中修改</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="79"/>
        <source>{0} of layer {1} set to {2:.4g} (Ctrl+Z undoes)</source>
        <translation>第 {1} 层的{0}已设为 {2:.4g}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="96"/>
        <source>Every weight set: {0} (Ctrl+Z undoes)</source>
        <translation>所有权重已设定：{0}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="119"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="194"/>
        <source>Changed: {0}; every weight kept</source>
        <translation>已修改：{0}；保留了所有权重</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="197"/>
        <source>Changed: {0}; layers {1} started afresh</source>
        <translation>已修改：{0}；第 {1} 层重新开始</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="199"/>
        <source>Changed: {0}; layer {1} started afresh</source>
        <translation>已修改：{0}；第 {1} 层重新开始</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/edits.py" line="181"/>
        <source>Training paused: {0}</source>
        <translation>训练已暂停：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="44"/>
        <source>Your code cannot train here: {0}</source>
        <translation>你的代码无法在这里训练：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="49"/>
        <source>Your code cannot train here: LAYERS = {0}, but this tab&apos;s data needs {1} ({2} inputs, {3} output{4} for {5} classes with a {6} output)</source>
        <translation>你的代码无法在这里训练：LAYERS = {0}，但这个标签页的数据需要 {1}（{2} 个输入，{5} 个类别在 {6} 输出下需要 {3} 个输出）</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="62"/>
        <source>Training with your code ({0}): press Train</source>
        <translation>正在用你的代码（{0}）训练：请按“训练”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="78"/>
        <source>Your program cannot train here: {0}</source>
        <translation>你的程序不能在这里训练：{0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="82"/>
        <source>Your program cannot train here: its network is {0}, and this tab&apos;s data needs {1}</source>
        <translation>你的程序不能在这里训练：它的网络是 {0}，而这个标签页的数据需要 {1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="92"/>
        <source>Training with your program ({0}): its own data and loop; each epoch here is one of its steps. Press Train</source>
        <translation>用你的程序训练（{0}）：用它自己的数据和循环；这里的每个 epoch 就是它的一步。请按“训练”</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/code_mode.py" line="110"/>
        <source>Training with the playground&apos;s own code again</source>
        <translation>重新用 playground 自己的代码训练</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/runner.py" line="48"/>
        <source>The copies of Many seeds are training in this tab&apos;s process: stop them first (Stop in their window).</source>
        <translation>“多个种子”的副本正在这个标签页的进程中训练：请先停止它们（在它们的窗口中点击“停止”）。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/runner.py" line="138"/>
        <source>early stop</source>
        <translation>早停</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/runner.py" line="151"/>
        <source>Training stopped in epoch {0}: {1}. The diagnostics say why, and what to try.</source>
        <translation>训练在第 {0} 个 epoch 停止：{1}。诊断面板会说明原因和可以尝试的办法。</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/files.py" line="64"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/files.py" line="68"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/files.py" line="84"/>
        <source>Could not export {0}: {1}</source>
        <translation>无法导出 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../playground/gui/sessions/files.py" line="87"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
</context>
<context>
    <name>ValueSlider</name>
    <message>
        <location filename="../../playground/gui/widgets/data_panel.py" line="78"/>
        <source>{0} Now {1}.</source>
        <translation>{0} 当前为 {1}。</translation>
    </message>
</context>
</TS>
